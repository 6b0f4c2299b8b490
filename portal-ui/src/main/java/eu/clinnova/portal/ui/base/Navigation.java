package eu.clinnova.portal.ui.base;

import com.vaadin.flow.component.Component;
import eu.clinnova.kernel.Caller;
import java.util.List;

/**
 * What the menu lists for a caller, in order. The frame ({@link MainLayout}) shows it; the pages
 * are known where they are put together ({@code ui.home}), so the frame does not depend on them.
 */
public interface Navigation {

  /** A menu entry: the translation key of its label and the page it opens. */
  record Entry(String navigationKey, Class<? extends Component> view) {}

  List<Entry> entriesFor(Caller caller);
}
