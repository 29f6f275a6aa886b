package dev.omne.inspector.ui.detail;

import dev.omne.inspector.ui.common.AppIcon;
import dev.omne.inspector.ui.common.Styles;
import dev.omne.inspector.ui.detail.DetailContent;
import dev.omne.inspector.ui.detail.JsonSpans;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.scene.text.Text;
import javafx.scene.text.TextFlow;

import java.util.ArrayList;
import java.util.List;

/**
 * The selected row in full: pretty-printed, coloured JSON; for a malformed line its raw text with the error
 * column marked and the parser's message above it.
 */
public final class DetailView extends BorderPane {
    /** Past this many spans the text is shown uncoloured: colouring a huge line would cost more than it helps. */
    static final int MAX_SPANS = 4000;

    private final DetailViewModel model;
    private final Label header = new Label();
    private final Label kind = new Label();
    private final Label message = new Label();
    private final TextFlow text = new TextFlow();
    private final Label placeholder = new Label();
    private final ScrollPane scroll = new ScrollPane(text);
    private final StackPane body = new StackPane();

    public DetailView(DetailViewModel model) {
        this.model = model;
        getStyleClass().add(Styles.DETAIL);
        setMinWidth(260);
        setMinHeight(90);

        Label title = new Label("Event");
        title.getStyleClass().add(Styles.TITLE);
        title.setMinWidth(Region.USE_PREF_SIZE);
        header.getStyleClass().addAll(Styles.MUTED, Styles.MONO);
        header.setId("detail-header");
        header.textProperty().bind(model.headerProperty());
        header.setMinWidth(0);
        kind.getStyleClass().add(Styles.MUTED);
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        Button copy = new Button(null, AppIcon.COPY.icon());
        copy.setId("detail-copy");
        copy.setTooltip(new Tooltip("Copy this line as it is in the file"));
        copy.disableProperty().bind(model.contentProperty().isNull());
        copy.setOnAction(e -> model.copy());
        copy.setFocusTraversable(false);
        HBox bar = new HBox(title, header, spacer, copy);
        bar.getStyleClass().add(Styles.PANE_HEADER);
        bar.setAlignment(Pos.CENTER_LEFT);

        message.getStyleClass().add(Styles.DETAIL_MESSAGE);
        message.setId("detail-message");
        message.setWrapText(true);
        message.setMaxWidth(Double.MAX_VALUE);
        message.setMinHeight(Region.USE_PREF_SIZE);
        message.setGraphic(AppIcon.MALFORMED.icon());
        message.setVisible(false);
        message.setManaged(false);

        text.getStyleClass().add(Styles.DETAIL_TEXT);
        text.setId("detail-text");
        scroll.setFitToWidth(true);
        scroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        placeholder.getStyleClass().addAll(Styles.MUTED, Styles.PLACEHOLDER_TEXT);
        placeholder.setWrapText(true);
        placeholder.setMaxWidth(260);
        placeholder.textProperty().bind(model.placeholderProperty());
        body.getChildren().addAll(scroll, placeholder);

        setTop(new VBox(bar, message));
        setCenter(body);
        model.contentProperty().addListener((obs, old, content) -> show(content));
        show(model.content());
    }

    private void show(DetailContent content) {
        placeholder.setVisible(content == null);
        scroll.setVisible(content != null);
        if (content == null) {
            text.getChildren().clear();
            message.setVisible(false);
            message.setManaged(false);
            return;
        }
        if (content.message() != null) {
            String where = "Line " + content.line() + (content.column() > 0 ? ", column " + content.column() : "");
            message.setText((content.malformed() ? where + ": not an event\n" : "Warning: ") + content.message()
                    + (content.truncated() ? "\n(The line is long: only its start is shown.)" : ""));
            message.getStyleClass().remove("warning");
            if (!content.malformed()) {
                message.getStyleClass().add("warning");
            }
            message.setGraphic(content.malformed() ? AppIcon.MALFORMED.icon() : AppIcon.WARNING.icon());
            message.setVisible(true);
            message.setManaged(true);
        } else {
            message.setVisible(false);
            message.setManaged(false);
        }
        text.getChildren().setAll(nodes(content));
        scroll.setVvalue(0);
    }

    /** Text nodes of the content, coloured; the error column of a malformed line marked. */
    static List<Node> nodes(DetailContent content) {
        String s = content.text();
        List<Node> out = new ArrayList<>();
        if (content.spans().size() > MAX_SPANS) {
            out.add(styled(s, JsonSpans.Kind.PLAIN));
            return out;
        }
        int markStart = content.markStart();
        int markEnd = content.markEnd();
        for (JsonSpans.Span span : content.spans()) {
            int start = span.start();
            int end = span.end();
            if (markStart >= start && markStart < end) {
                if (markStart > start) {
                    out.add(styled(s.substring(start, markStart), span.kind()));
                }
                out.add(mark(s.substring(markStart, Math.min(markEnd, s.length()))));
                if (markEnd < end) {
                    out.add(styled(s.substring(markEnd, end), span.kind()));
                }
            } else {
                out.add(styled(s.substring(start, end), span.kind()));
            }
        }
        if (markStart >= 0 && markStart >= s.length()) {
            out.add(mark(""));
        }
        return out;
    }

    private static Text styled(String s, JsonSpans.Kind kind) {
        Text t = new Text(s);
        t.getStyleClass().add("json-" + kind.name().toLowerCase(java.util.Locale.ROOT));
        return t;
    }

    /** The error position: a highlighted character, or a marker at the end of the line. */
    private static Node mark(String s) {
        Label mark = new Label(s.isEmpty() || s.isBlank() ? "⏎ end of line" : s);
        mark.getStyleClass().add(Styles.ERROR_MARK);
        mark.setId("error-mark");
        mark.setTooltip(new Tooltip("The parser stopped here"));
        return mark;
    }
}
