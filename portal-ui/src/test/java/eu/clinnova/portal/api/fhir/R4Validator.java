package eu.clinnova.portal.api.fhir;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.context.support.DefaultProfileValidationSupport;
import ca.uhn.fhir.validation.FhirValidator;
import ca.uhn.fhir.validation.ResultSeverityEnum;
import ca.uhn.fhir.validation.SingleValidationMessage;
import ca.uhn.fhir.validation.ValidationResult;
import java.util.List;
import org.hl7.fhir.common.hapi.validation.support.CommonCodeSystemsTerminologyService;
import org.hl7.fhir.common.hapi.validation.support.InMemoryTerminologyServerValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.SnapshotGeneratingValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.ValidationSupportChain;
import org.hl7.fhir.common.hapi.validation.validator.FhirInstanceValidator;
import org.hl7.fhir.instance.model.api.IBaseResource;

/** The HAPI FHIR validator against the R4 core profiles, offline; one instance for all tests. */
public final class R4Validator {

  private static FhirValidator validator;

  private R4Validator() {}

  public static synchronized List<String> errors(FhirContext context, IBaseResource resource) {
    if (validator == null) {
      ValidationSupportChain chain =
          new ValidationSupportChain(
              new DefaultProfileValidationSupport(context),
              new CommonCodeSystemsTerminologyService(context),
              new InMemoryTerminologyServerValidationSupport(context),
              new SnapshotGeneratingValidationSupport(context));
      validator = context.newValidator();
      validator.registerValidatorModule(new FhirInstanceValidator(chain));
    }
    ValidationResult result = validator.validateWithResult(resource);
    return result.getMessages().stream()
        .filter(
            message ->
                message.getSeverity() == ResultSeverityEnum.ERROR
                    || message.getSeverity() == ResultSeverityEnum.FATAL)
        // The IHE BALP package is not available offline: a declared BALP profile cannot be
        // fetched, and what BALP asks beyond R4 is asserted by the tests themselves.
        .filter(message -> !balpNotFound(message.getMessage()))
        .map(R4Validator::describe)
        .toList();
  }

  private static boolean balpNotFound(String message) {
    return message != null
        && message.contains("https://profiles.ihe.net/ITI/BALP/StructureDefinition/")
        && (message.contains("could not be found")
            || message.contains("Failed to retrieve profile"));
  }

  private static String describe(SingleValidationMessage message) {
    return message.getLocationString() + ": " + message.getMessage();
  }
}
