package eu.clinnova.workflow.application;

import java.util.Arrays;
import java.util.Optional;

/** What a file attached to an application is, as the applicant says (issue 21). */
public enum AttachmentKind {
  PROTOCOL("protocol"),
  ETHICS_LETTER("ethics-letter"),
  DATA_MANAGEMENT_PLAN("data-management-plan"),
  TEAM("team"),
  OTHER("other");

  private final String code;

  AttachmentKind(String code) {
    this.code = code;
  }

  public String code() {
    return code;
  }

  public static Optional<AttachmentKind> fromCode(String code) {
    return Arrays.stream(values()).filter(kind -> kind.code.equals(code)).findFirst();
  }
}
