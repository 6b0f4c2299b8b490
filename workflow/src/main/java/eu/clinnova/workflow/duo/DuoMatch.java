package eu.clinnova.workflow.duo;

import java.util.ArrayList;
import java.util.List;

/**
 * Whether a purpose is within a dataset's data use, and why, for the applicant and the committee:
 * {@link Outcome#MATCH}, {@link Outcome#NO_MATCH} (a rule excludes it), or {@link
 * Outcome#NEEDS_HUMAN} (a modifier only people can judge: publication, collaboration, ethics
 * approval, geography, moratorium).
 */
public record DuoMatch(Outcome outcome, List<String> reasons) {

  /** The verdict. */
  public enum Outcome {
    MATCH,
    NO_MATCH,
    NEEDS_HUMAN
  }

  public DuoMatch {
    reasons = List.copyOf(reasons);
  }

  /**
   * The rules of domain.md: GRU serves any purpose; HMB serves HMB and DS; DS on a disease serves
   * DS on that disease or a descendant; POA serves POA only; NCU/NPU exclude commercial (or
   * for-profit) work; GSO requires genetic work; NMDS excludes methods development; GS, PUB, COL,
   * IRB, MOR need a human; TS and RTN are noted.
   */
  public static DuoMatch of(DataUse use, ResearchPurpose purpose) {
    List<String> excluded = new ArrayList<>();
    List<String> human = new ArrayList<>();
    List<String> notes = new ArrayList<>();
    switch (use.permission()) {
      case GRU -> notes.add("GRU: general research use allows any purpose");
      case HMB -> {
        if (purpose.category() == DuoTerm.POA) {
          excluded.add(
              "HMB: health or medical research only; population or ancestry research is not");
        } else {
          notes.add("HMB: health or medical research, which this purpose is");
        }
      }
      case DS -> {
        String disease = use.disease().orElseThrow();
        if (purpose.category() == DuoTerm.DS
            && Diseases.isOrDescendsFrom(purpose.disease().orElseThrow(), disease)) {
          notes.add(
              "DS: research on "
                  + Diseases.name(disease)
                  + " only, and the purpose is on "
                  + Diseases.name(purpose.disease().orElseThrow()));
        } else {
          excluded.add(
              "DS: research on "
                  + Diseases.name(disease)
                  + " (or a more specific disease) only; the purpose is "
                  + (purpose.category() == DuoTerm.DS
                      ? "on " + Diseases.name(purpose.disease().orElseThrow())
                      : purpose.category().name()));
        }
      }
      case POA -> {
        if (purpose.category() != DuoTerm.POA) {
          excluded.add("POA: population origins or ancestry research only");
        } else {
          notes.add("POA: population origins or ancestry research, which this purpose is");
        }
      }
      default -> throw new IllegalStateException("not a permission: " + use.permission());
    }
    for (DuoTerm modifier : use.modifiers()) {
      switch (modifier) {
        case NCU -> {
          if (purpose.commercial()) {
            excluded.add("NCU: non-commercial use only; the purpose is commercial");
          }
        }
        case NPU -> {
          if (purpose.forProfit()) {
            excluded.add("NPU: not-for-profit organisations only");
          }
        }
        case NPUNCU -> {
          if (purpose.commercial() || purpose.forProfit()) {
            excluded.add("NPUNCU: not-for-profit, non-commercial use only");
          }
        }
        case GSO -> {
          if (!purpose.genetic()) {
            excluded.add("GSO: genetic studies only; the purpose is not genetic");
          }
        }
        case NMDS -> {
          if (purpose.methodsDevelopment()) {
            excluded.add("NMDS: no general methods development");
          }
        }
        case GS -> human.add("GS: geographical restriction: check where the data will be used");
        case PUB -> human.add("PUB: the results must be published: check the commitment");
        case COL -> human.add("COL: collaboration with the data's investigators required");
        case IRB -> human.add("IRB: an ethics approval is required: check the evidence");
        case MOR -> human.add("MOR: publication moratorium: check the planned dates");
        case TS -> notes.add("TS: access is limited in time (the entitlement ends with it)");
        case RTN -> notes.add("RTN: derived data must be returned to the resource");
        default -> throw new IllegalStateException("not a modifier: " + modifier);
      }
    }
    List<String> reasons = new ArrayList<>(excluded);
    reasons.addAll(human);
    reasons.addAll(notes);
    Outcome outcome =
        !excluded.isEmpty()
            ? Outcome.NO_MATCH
            : !human.isEmpty() ? Outcome.NEEDS_HUMAN : Outcome.MATCH;
    return new DuoMatch(outcome, reasons);
  }
}
