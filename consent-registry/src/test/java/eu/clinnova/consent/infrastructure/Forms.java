package eu.clinnova.consent.infrastructure;

import eu.clinnova.consent.form.ConsentForm;
import eu.clinnova.testing.TestDatabase;
import eu.clinnova.testing.TestPersistence;

/** Publishes forms in a module test's database through the consent unit, as the portal does. */
public final class Forms {

  private Forms() {}

  /** Each form as published by {@code by}, committed before this returns. */
  public static void publish(TestDatabase database, String by, ConsentForm... forms) {
    try (TestPersistence unit = TestPersistence.unit("consent", database)) {
      unit.run(
          entities -> {
            FormStore store = new FormStore(entities);
            for (ConsentForm form : forms) {
              store.insert(form, by);
            }
          });
    }
  }
}
