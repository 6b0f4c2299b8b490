package eu.clinnova.portal.ui.base;

/** Cells of the CSV files staff download (audit log, releases): RFC 4180, spreadsheet-safe. */
public final class CsvCells {

  private CsvCells() {}

  /** RFC 4180 quoting; a leading formula character is neutralised for spreadsheets. */
  public static String cell(String value) {
    String safe = value.matches("^[=+\\-@].*") ? "'" + value : value;
    if (safe.contains(",") || safe.contains("\"") || safe.contains("\n") || safe.contains("\r")) {
      return '"' + safe.replace("\"", "\"\"") + '"';
    }
    return safe;
  }
}
