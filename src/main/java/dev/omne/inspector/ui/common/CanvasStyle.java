package dev.omne.inspector.ui.common;

import javafx.css.Styleable;
import javafx.css.StyleableObjectProperty;
import javafx.css.StyleableProperty;
import javafx.css.StyleablePropertyFactory;
import javafx.scene.paint.Color;
import javafx.scene.paint.Paint;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * The colours a canvas view takes from the stylesheet ({@code -omne-*} properties, which take the theme's colours),
 * made through its class's one {@link StyleablePropertyFactory} (JavaFX keeps the CSS metadata per class) and listed,
 * so that a change of any of them (a theme change) repaints the view.
 *
 * @param <S> the view
 */
public final class CanvasStyle<S extends Styleable> {
    private final StyleablePropertyFactory<S> factory;
    private final List<StyleableObjectProperty<Paint>> made = new ArrayList<>();

    public CanvasStyle(StyleablePropertyFactory<S> factory) {
        this.factory = factory;
    }

    /** The colour the CSS property {@code css} sets, {@code initial} (a web colour) until it does. */
    @SuppressWarnings("unchecked")
    public StyleableObjectProperty<Paint> colour(S view, String name, String css,
                                                 Function<S, StyleableProperty<Paint>> get, String initial) {
        StyleableObjectProperty<Paint> p = (StyleableObjectProperty<Paint>) factory.createStyleablePaintProperty(view,
                name, css, get, Color.web(initial));
        made.add(p);
        return p;
    }

    /** {@code repaint} runs whenever a colour made so far changes. */
    public void onChange(Runnable repaint) {
        for (StyleableObjectProperty<Paint> c : made) {
            c.addListener((obs, old, now) -> repaint.run());
        }
    }
}
