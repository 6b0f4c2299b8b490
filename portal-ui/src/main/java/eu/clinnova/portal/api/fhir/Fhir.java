package eu.clinnova.portal.api.fhir;

import ca.uhn.fhir.context.FhirContext;
import jakarta.enterprise.context.ApplicationScoped;
import org.hl7.fhir.instance.model.api.IBaseResource;

/** One FHIR R4 context for the application: it is expensive to create and thread-safe. */
@ApplicationScoped
public class Fhir {

  public static final String MEDIA_TYPE = "application/fhir+json";

  private final FhirContext context = FhirContext.forR4();

  public String json(IBaseResource resource) {
    return context.newJsonParser().encodeResourceToString(resource);
  }
}
