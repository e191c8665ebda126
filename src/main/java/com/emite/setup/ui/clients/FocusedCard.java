package com.emite.setup.ui.clients;

import javafx.scene.Node;
import javafx.scene.Parent;

/**
 * Which card, and which control in it, had the keyboard focus before the cards were built anew, so the new card can
 * take it over in the same place: a focus the window has to hand on by itself goes to the next control and the page
 * scrolls to it.
 */
record FocusedCard(String cardId, String controlId) {
    private static final FocusedCard NONE = new FocusedCard(null, null);

    /**
     * When one of {@code controls} is disabled while it has the focus (Rotate while its rotation runs, Copy when the
     * vault locks), the card takes the focus at once: the window would otherwise hand it to the next control at its
     * next pulse and scroll the page to it.
     */
    static void holdIn(Node card, Node... controls) {
        for (Node c : controls) {
            c.disabledProperty().addListener((obs, was, disabled) -> {
                if (disabled && c.getScene() != null && c.getScene().getFocusOwner() == c) {
                    card.requestFocus();
                }
            });
        }
    }

    /** The card of {@code cards} holding the focus now, or none. */
    static FocusedCard in(Parent cards) {
        Node owner = cards.getScene() == null ? null : cards.getScene().getFocusOwner();
        for (Node n = owner; n != null; n = n.getParent()) {
            if (n.getParent() == cards) {
                return new FocusedCard(n.getId(), owner.getId());
            }
        }
        return NONE;
    }

    /** Focuses the same control in the new card with the same id; the card itself if that control cannot take it. */
    void restoreIn(Parent cards) {
        if (cardId == null) {
            return;
        }
        for (Node card : cards.getChildrenUnmodifiable()) {
            if (cardId.equals(card.getId())) {
                Node control = controlId == null ? null : find(card, controlId);
                // A disabled control (Rotate while the rotation ends) cannot take the focus.
                (control != null && !control.isDisabled() ? control : card).requestFocus();
                return;
            }
        }
    }

    private static Node find(Node n, String id) {
        if (id.equals(n.getId())) {
            return n;
        }
        if (n instanceof Parent p) {
            for (Node c : p.getChildrenUnmodifiable()) {
                Node found = find(c, id);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }
}
