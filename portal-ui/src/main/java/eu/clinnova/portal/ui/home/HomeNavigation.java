package eu.clinnova.portal.ui.home;

import eu.clinnova.kernel.Caller;
import eu.clinnova.portal.ui.base.Navigation;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;

/** The menu: each of the caller's homes, followed by the pages below it. */
@ApplicationScoped
public class HomeNavigation implements Navigation {

  @Override
  public List<Entry> entriesFor(Caller caller) {
    List<Entry> entries = new ArrayList<>();
    for (HomeViews.Home home : HomeViews.openTo(caller)) {
      entries.add(new Entry(home.navigationKey(), home.view()));
      home.pages().forEach(page -> entries.add(new Entry(page.navigationKey(), page.view())));
    }
    return entries;
  }
}
