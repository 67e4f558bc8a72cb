package io.fanshelf.api.system;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.media.Schema;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Turns the javadoc that springdoc copies into the OpenAPI document into plain Markdown: paragraphs
 * ({@code <p>}) become blank lines, {@code <code>} becomes backticks, and the line breaks and
 * indentation of the source comments go. Summaries lose their final period.
 */
final class JavadocText {
  private static final Pattern PARAGRAPH = Pattern.compile("\\s*<p>\\s*");
  private static final Pattern CODE = Pattern.compile("</?code>");
  private static final Pattern WRAPPED_LINE = Pattern.compile("[ \\t]*\\n(?!\\n)[ \\t]*");

  private JavadocText() {}

  static String markdown(String text) {
    if (text == null) {
      return null;
    }
    String paragraphs = PARAGRAPH.matcher(text).replaceAll("\n\n");
    String code = CODE.matcher(paragraphs).replaceAll("`");
    String[] blocks = code.strip().split("\\n\\s*\\n");
    StringBuilder out = new StringBuilder();
    for (String block : blocks) {
      if (!out.isEmpty()) {
        out.append("\n\n");
      }
      out.append(WRAPPED_LINE.matcher(block.strip()).replaceAll(" "));
    }
    return out.toString();
  }

  static void toMarkdown(OpenAPI openApi) {
    openApi
        .getPaths()
        .values()
        .forEach(path -> path.readOperations().forEach(JavadocText::operation));
    Set<Schema<?>> seen = Collections.newSetFromMap(new IdentityHashMap<>());
    if (openApi.getComponents().getSchemas() != null) {
      openApi.getComponents().getSchemas().values().forEach(schema -> schema(schema, seen));
    }
  }

  private static void operation(Operation operation) {
    String summary = markdown(operation.getSummary());
    if (summary != null && summary.endsWith(".")) {
      summary = summary.substring(0, summary.length() - 1);
    }
    operation.setSummary(summary);
    operation.setDescription(markdown(operation.getDescription()));
    if (operation.getParameters() != null) {
      operation.getParameters().forEach(p -> p.setDescription(markdown(p.getDescription())));
    }
    if (operation.getRequestBody() != null) {
      operation
          .getRequestBody()
          .setDescription(markdown(operation.getRequestBody().getDescription()));
    }
    if (operation.getResponses() != null) {
      operation
          .getResponses()
          .values()
          .forEach(r -> r.setDescription(markdown(r.getDescription())));
    }
  }

  private static void schema(Schema<?> schema, Set<Schema<?>> seen) {
    if (schema == null || !seen.add(schema)) {
      return;
    }
    schema.setDescription(markdown(schema.getDescription()));
    if (schema.getProperties() != null) {
      schema.getProperties().values().forEach(property -> schema(property, seen));
    }
    schema(schema.getItems(), seen);
  }
}
