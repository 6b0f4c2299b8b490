package eu.clinnova.deployment.system;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Page;
import org.junit.jupiter.api.Test;

/** A researcher browses the dataset catalogue and filters it by jurisdiction. */
class CatalogueBrowserIT extends BrowserSystemTest {

  @Test
  void aResearcherFiltersTheCatalogueByJurisdiction() {
    Page page = newPage("en-GB", 1280);
    PortalPages.signIn(page, "/research/catalogue", "researcher");
    // As many as the API offers: other tests publish and retire datasets of their own.
    int offered = Api.json(Api.get("/api/v1/datasets", Tokens.user("researcher"))).size();
    assertThat(page.locator("#catalogue-count")).hasText(offered + " datasets");
    page.locator("#filter-jurisdiction").click();
    page.locator("vaadin-select-item", new Page.LocatorOptions().setHasText("France")).click();
    assertThat(page.locator("#catalogue-count")).hasText("2 datasets");
    assertThat(page.locator("#catalogue-list > li")).hasCount(2);
    assertThat(page.locator("#dataset-fr-ra-registry"))
        .containsText("research on one disease (rheumatoid arthritis, MONDO:0008383)");
    assertThat(page.locator("#dataset-fr-ra-registry")).containsText("non-commercial use only");
    // By words of its title, in any case.
    String title =
        Api.json(Api.get("/api/v1/datasets/fr-ra-registry", Tokens.user("researcher")))
            .get("title")
            .asText();
    page.locator("#filter-words input").fill(title.toUpperCase(java.util.Locale.ROOT));
    assertThat(page.locator("#catalogue-list > li")).hasCount(1);
    assertThat(page.locator("#dataset-fr-ra-registry")).isVisible();
    PortalPages.screenshot(page, "research-catalogue-en");
  }
}
