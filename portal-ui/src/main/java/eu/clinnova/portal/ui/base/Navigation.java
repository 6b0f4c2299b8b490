package eu.clinnova.portal.ui.base;

import com.vaadin.flow.component.Component;
import eu.clinnova.kernel.Caller;
import java.util.List;

/**
 * What the menu lists for a caller, in order. The frame ({@link MainLayout}) shows it; the pages
 * are known where they are put together ({@code ui.home}), so the frame does not depend on them.
 */
public interface Navigation {

  /**
   * A menu entry: the translation key of its label, the page it opens, and how many new things wait
   * there (shown beside the label when more than none).
   */
  record Entry(String navigationKey, Class<? extends Component> view, long waiting) {
    public Entry(String navigationKey, Class<? extends Component> view) {
      this(navigationKey, view, 0);
    }
  }

  List<Entry> entriesFor(Caller caller);
}
