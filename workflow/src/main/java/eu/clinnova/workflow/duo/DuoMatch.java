package eu.clinnova.workflow.duo;

import java.util.ArrayList;
import java.util.List;

/**
 * Whether a purpose is within a dataset's data use, and why, for the applicant and the committee:
 * {@link Outcome#MATCH}, {@link Outcome#NO_MATCH} (a rule excludes it), or {@link
 * Outcome#NEEDS_HUMAN} (a modifier only people can judge: publication, collaboration, ethics
 * approval, geography, moratorium).
 */
public record DuoMatch(Outcome outcome, List<String> reasons, List<Reason> explained) {

  /** The verdict. */
  public enum Outcome {
    MATCH,
    NO_MATCH,
    NEEDS_HUMAN
  }

  /**
   * A reason for people to read in their language: a key ({@code hmb.poa}, {@code ds.other}...) and
   * its arguments as codes (a MONDO disease, a DUO term), which the reader's page words. The
   * English {@link #reasons} say the same for the API.
   */
  public record Reason(String key, List<String> args) {
    public Reason {
      args = List.copyOf(args);
    }
  }

  public DuoMatch {
    reasons = List.copyOf(reasons);
    explained = List.copyOf(explained);
  }

  /**
   * The rules of domain.md: GRU serves any purpose; HMB serves HMB and DS; DS on a disease serves
   * DS on that disease or a descendant; POA serves POA only; NCU/NPU exclude commercial (or
   * for-profit) work; GSO requires genetic work; NMDS excludes methods development; GS, PUB, COL,
   * IRB, MOR need a human; TS and RTN are noted.
   */
  public static DuoMatch of(DataUse use, ResearchPurpose purpose) {
    List<Said> excluded = new ArrayList<>();
    List<Said> human = new ArrayList<>();
    List<Said> notes = new ArrayList<>();
    switch (use.permission()) {
      case GRU -> note(notes, "gru", "GRU: general research use allows any purpose");
      case HMB -> {
        if (purpose.category() == DuoTerm.POA) {
          note(
              excluded,
              "hmb.poa",
              "HMB: health or medical research only; population or ancestry research is not");
        } else {
          note(notes, "hmb", "HMB: health or medical research, which this purpose is");
        }
      }
      case DS -> {
        String disease = use.disease().orElseThrow();
        if (purpose.category() == DuoTerm.DS
            && Diseases.isOrDescendsFrom(purpose.disease().orElseThrow(), disease)) {
          note(
              notes,
              "ds",
              "DS: research on "
                  + Diseases.name(disease)
                  + " only, and the purpose is on "
                  + Diseases.name(purpose.disease().orElseThrow()),
              disease,
              purpose.disease().orElseThrow());
        } else {
          boolean onDisease = purpose.category() == DuoTerm.DS;
          note(
              excluded,
              onDisease ? "ds.otherDisease" : "ds.other",
              "DS: research on "
                  + Diseases.name(disease)
                  + " (or a more specific disease) only; the purpose is "
                  + (onDisease
                      ? "on " + Diseases.name(purpose.disease().orElseThrow())
                      : purpose.category().name()),
              disease,
              onDisease ? purpose.disease().orElseThrow() : purpose.category().name());
        }
      }
      case POA -> {
        if (purpose.category() != DuoTerm.POA) {
          note(excluded, "poa.other", "POA: population origins or ancestry research only");
        } else {
          note(notes, "poa", "POA: population origins or ancestry research, which this purpose is");
        }
      }
      default -> throw new IllegalStateException("not a permission: " + use.permission());
    }
    for (DuoTerm modifier : use.modifiers()) {
      switch (modifier) {
        case NCU -> {
          if (purpose.commercial()) {
            note(excluded, "ncu", "NCU: non-commercial use only; the purpose is commercial");
          }
        }
        case NPU -> {
          if (purpose.forProfit()) {
            note(excluded, "npu", "NPU: not-for-profit organisations only");
          }
        }
        case NPUNCU -> {
          if (purpose.commercial() || purpose.forProfit()) {
            note(excluded, "npuncu", "NPUNCU: not-for-profit, non-commercial use only");
          }
        }
        case GSO -> {
          if (!purpose.genetic()) {
            note(excluded, "gso", "GSO: genetic studies only; the purpose is not genetic");
          }
        }
        case NMDS -> {
          if (purpose.methodsDevelopment()) {
            note(excluded, "nmds", "NMDS: no general methods development");
          }
        }
        case GS ->
            note(human, "gs", "GS: geographical restriction: check where the data will be used");
        case PUB -> note(human, "pub", "PUB: the results must be published: check the commitment");
        case COL -> note(human, "col", "COL: collaboration with the data's investigators required");
        case IRB -> note(human, "irb", "IRB: an ethics approval is required: check the evidence");
        case MOR -> note(human, "mor", "MOR: publication moratorium: check the planned dates");
        case TS ->
            note(notes, "ts", "TS: access is limited in time (the entitlement ends with it)");
        case RTN -> note(notes, "rtn", "RTN: derived data must be returned to the resource");
        default -> throw new IllegalStateException("not a modifier: " + modifier);
      }
    }
    List<Said> all = new ArrayList<>(excluded);
    all.addAll(human);
    all.addAll(notes);
    Outcome outcome =
        !excluded.isEmpty()
            ? Outcome.NO_MATCH
            : !human.isEmpty() ? Outcome.NEEDS_HUMAN : Outcome.MATCH;
    return new DuoMatch(
        outcome, all.stream().map(Said::english).toList(), all.stream().map(Said::reason).toList());
  }

  /** A reason in English (for the API) and as a key with codes (for people's pages). */
  private record Said(String english, Reason reason) {}

  private static void note(List<Said> into, String key, String english, String... args) {
    into.add(new Said(english, new Reason(key, List.of(args))));
  }
}
