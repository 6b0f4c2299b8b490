package eu.clinnova.consent.registry;

import eu.clinnova.consent.domain.FieldProblem;
import eu.clinnova.consent.domain.Patient;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A hospital's export of patients to enrol: UTF-8 text, a header {@code psn,site,cohorts,minor},
 * then one patient per line, cohorts joined by {@code ;}, minor {@code true} or {@code false}.
 * Fields may be quoted as RFC 4180 has it (a site may hold a comma); a byte-order mark and CRLF
 * line ends, as spreadsheets write them, are accepted.
 *
 * <p>The file as a whole is refused (nothing enrolled) when it is not UTF-8, is empty or starts
 * with another header; after that, each line is judged on its own: a bad line is reported by its
 * number and the others go on.
 */
public final class PatientCsv {

  public static final String HEADER = "psn,site,cohorts,minor";

  /** One data line: its number in the file (the header is line 1) and its patient or problem. */
  public record Line(int number, Optional<Patient> patient, Optional<LineProblem> problem) {
    static Line of(int number, Patient patient) {
      return new Line(number, Optional.of(patient), Optional.empty());
    }

    static Line bad(int number, String code, Object... args) {
      return new Line(number, Optional.empty(), Optional.of(LineProblem.of(code, args)));
    }
  }

  /** A file whose header was right: its data lines, judged. */
  public record Read(List<Line> lines) {
    public int total() {
      return lines.size();
    }
  }

  /** The file could not be read at all. */
  public static final class Unreadable extends Exception {
    private final transient List<FieldProblem> problems;

    Unreadable(String message, FieldProblem problem) {
      super(message);
      this.problems = List.of(problem);
    }

    public List<FieldProblem> problems() {
      return problems;
    }
  }

  private PatientCsv() {}

  /** Only the text and its header: what a request must pass before a job starts. */
  public static List<String> checkedLines(byte[] file) throws Unreadable {
    String text;
    try {
      text =
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .decode(ByteBuffer.wrap(file))
              .toString();
    } catch (CharacterCodingException e) {
      throw new Unreadable(
          "The file is not UTF-8 text.",
          new FieldProblem(
              "file",
              "is not UTF-8: save the export as CSV UTF-8 (comma delimited) and try again"));
    }
    if (text.startsWith("\uFEFF")) {
      text = text.substring(1);
    }
    List<String> lines = new ArrayList<>(List.of(text.split("\r?\n", -1)));
    while (!lines.isEmpty() && lines.get(lines.size() - 1).isEmpty()) {
      lines.remove(lines.size() - 1);
    }
    if (lines.isEmpty()) {
      throw new Unreadable(
          "The file is empty.",
          new FieldProblem("file", "is empty: it needs the header " + HEADER));
    }
    String header = lines.get(0).strip();
    if (!HEADER.equals(header.replace(" ", ""))) {
      throw new Unreadable(
          "The file does not start with the expected header.",
          new FieldProblem(
              "header",
              "must be " + HEADER + ", not " + header.substring(0, Math.min(header.length(), 80))));
    }
    return lines;
  }

  /**
   * The file's lines judged for a steward of {@code jurisdictions}: a pseudonym of another
   * jurisdiction, a pseudonym given twice (the first line counts), a bad cohort, site or minor.
   */
  public static Read read(byte[] file, Set<String> jurisdictions) throws Unreadable {
    List<String> text = checkedLines(file);
    List<Line> lines = new ArrayList<>(text.size() - 1);
    Map<String, Integer> seen = new HashMap<>();
    for (int i = 1; i < text.size(); i++) {
      lines.add(line(i + 1, text.get(i), jurisdictions, seen));
    }
    return new Read(lines);
  }

  private static Line line(
      int number, String text, Set<String> jurisdictions, Map<String, Integer> seen) {
    if (text.isBlank()) {
      return Line.bad(number, "empty");
    }
    List<String> fields = fields(text);
    if (fields == null) {
      return Line.bad(number, "unclosed-quote");
    }
    if (fields.size() != 4) {
      return Line.bad(number, "field-count", fields.size());
    }
    String psn = fields.get(0).strip();
    String site = fields.get(1).strip();
    String minor = fields.get(3).strip().toLowerCase(java.util.Locale.ROOT);
    if (!Patient.isPseudonym(psn)) {
      return Line.bad(number, "psn-format", shown(psn));
    }
    String jurisdiction = psn.substring(0, 2);
    if (!jurisdictions.contains(jurisdiction)) {
      return Line.bad(number, "psn-elsewhere", psn);
    }
    Integer earlier = seen.putIfAbsent(psn, number);
    if (earlier != null) {
      return Line.bad(number, "psn-twice", psn, earlier);
    }
    if (site.isEmpty() || site.length() > 100) {
      return Line.bad(number, "site");
    }
    Set<Patient.Cohort> cohorts = EnumSet.noneOf(Patient.Cohort.class);
    for (String cohort : fields.get(2).split(";", -1)) {
      String code = cohort.strip();
      try {
        if (!cohorts.add(Patient.Cohort.valueOf(code))) {
          return Line.bad(number, "cohort-twice", code);
        }
      } catch (IllegalArgumentException e) {
        return Line.bad(number, "cohort-unknown", shown(code));
      }
    }
    if (!minor.equals("true") && !minor.equals("false")) {
      return Line.bad(number, "minor", shown(minor));
    }
    return Line.of(
        number, new Patient(psn, jurisdiction, site, cohorts, Boolean.parseBoolean(minor)));
  }

  /** A value quoted in a message, cut short: a message never carries a whole line back. */
  private static String shown(String value) {
    return value.isEmpty()
        ? "(empty)"
        : '"' + (value.length() > 40 ? value.substring(0, 40) + "…" : value) + '"';
  }

  /** The line's fields (RFC 4180 quoting), or null when a quote is not closed. */
  static List<String> fields(String line) {
    List<String> fields = new ArrayList<>(4);
    StringBuilder field = new StringBuilder();
    boolean quoted = false;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (quoted) {
        if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
          field.append('"');
          i++;
        } else if (c == '"') {
          quoted = false;
        } else {
          field.append(c);
        }
      } else if (c == '"' && field.toString().isBlank()) {
        quoted = true;
        field.setLength(0);
      } else if (c == ',') {
        fields.add(field.toString());
        field.setLength(0);
      } else {
        field.append(c);
      }
    }
    if (quoted) {
      return null;
    }
    fields.add(field.toString());
    return fields;
  }
}
