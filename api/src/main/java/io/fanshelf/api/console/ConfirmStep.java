package io.fanshelf.api.console;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.ui.Model;

/**
 * The page that asks before a change that cannot be undone in one click (deleting a segment,
 * revoking links, labelling every fan a filter selects): it says what will happen to how many, and
 * its button posts the same form again with {@code confirmed=true}. Plain HTML, so it works without
 * JavaScript. Immutable.
 *
 * @param action where the confirmed form posts
 * @param question what will happen, in the page language
 * @param button the confirming button's text
 * @param cancel where "cancel" leads, the page the owner came from
 * @param fields the form's fields to post again, in order (a name may repeat)
 */
public record ConfirmStep(
    String action, String question, String button, String cancel, List<Field> fields) {
  public static final String CONFIRMED = "confirmed";

  /** One hidden field. */
  public record Field(String name, String value) {}

  public ConfirmStep {
    fields = List.copyOf(fields);
  }

  /** Fields from single-valued parameters, leaving out the CSRF token (the page adds its own). */
  static List<Field> fields(Map<String, String> params) {
    List<Field> fields = new ArrayList<>();
    params.forEach(
        (name, value) -> {
          if (!name.equals(CONFIRMED) && !name.startsWith("_")) {
            fields.add(new Field(name, value));
          }
        });
    return fields;
  }

  /** Shows this step; the view name for a controller to return. */
  String show(Model model) {
    model.addAttribute("confirm", this);
    return "console/confirm";
  }
}
