package eu.clinnova.portal.ui.base;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.datepicker.DatePicker;
import java.time.DayOfWeek;
import java.time.Month;
import java.time.format.TextStyle;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Date pickers as people in the network write dates (issue 21): in English 31/12/2027 (day first,
 * never the American month first), in French 31/12/2027, in German 31.12.2027; ISO 2027-12-31 is
 * understood too. The calendar's months, weekdays and buttons are in the user's language, weeks
 * start on Monday, and a date that cannot be read is said so at the field, with an example.
 */
public final class DatePickers {

  private DatePickers() {}

  /** {@code picker}, localised to the language of the UI {@code in} is shown in. */
  public static DatePicker localised(DatePicker picker, Component in) {
    Locale language =
        in.getUI()
            .or(() -> Optional.ofNullable(UI.getCurrent()))
            .map(UI::getLocale)
            .orElse(Locale.ENGLISH);
    Locale regional = NetworkTime.regional(language);
    picker.setLocale(regional);
    DatePicker.DatePickerI18n i18n = new DatePicker.DatePickerI18n();
    String primary = primaryFormat(regional);
    i18n.setDateFormats(primary, alternatives(regional));
    i18n.setMonthNames(
        Arrays.stream(Month.values())
            .map(month -> capitalised(month.getDisplayName(TextStyle.FULL_STANDALONE, regional)))
            .toList());
    List<DayOfWeek> sundayFirst =
        List.of(
            DayOfWeek.SUNDAY,
            DayOfWeek.MONDAY,
            DayOfWeek.TUESDAY,
            DayOfWeek.WEDNESDAY,
            DayOfWeek.THURSDAY,
            DayOfWeek.FRIDAY,
            DayOfWeek.SATURDAY);
    i18n.setWeekdays(
        sundayFirst.stream()
            .map(day -> capitalised(day.getDisplayName(TextStyle.FULL_STANDALONE, regional)))
            .toList());
    i18n.setWeekdaysShort(
        sundayFirst.stream()
            .map(day -> capitalised(day.getDisplayName(TextStyle.SHORT_STANDALONE, regional)))
            .toList());
    i18n.setFirstDayOfWeek(1);
    i18n.setToday(in.getTranslation("datePicker.today"));
    i18n.setCancel(in.getTranslation("datePicker.cancel"));
    i18n.setBadInputErrorMessage(in.getTranslation("datePicker.badInput"));
    picker.setI18n(i18n);
    if (picker.getPlaceholder() == null || picker.getPlaceholder().isEmpty()) {
      picker.setPlaceholder(in.getTranslation("datePicker.placeholder"));
    }
    return picker;
  }

  static String primaryFormat(Locale regional) {
    return "de".equals(regional.getLanguage()) ? "dd.MM.yyyy" : "dd/MM/yyyy";
  }

  static String[] alternatives(Locale regional) {
    return "de".equals(regional.getLanguage())
        ? new String[] {"d.M.yyyy", "d.M.yy", "yyyy-MM-dd"}
        : new String[] {"d/M/yyyy", "d/M/yy", "yyyy-MM-dd"};
  }

  private static String capitalised(String text) {
    return text.isEmpty()
        ? text
        : text.substring(0, 1).toUpperCase(Locale.ROOT) + text.substring(1);
  }
}
