package com.emite.setup.ui.plan;

import com.emite.setup.provision.Plan;
import com.emite.setup.ui.common.Words;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.value.ObservableBooleanValue;
import javafx.beans.value.ObservableStringValue;
import javafx.beans.value.ObservableValue;

/** The words on and beside the check bar's and the apply tab's buttons: the apply label and why a button is off. */
final class PlanReasons {
    private PlanReasons() {
    }

    /** "Apply 17 changes", "Apply (nothing to change)", or plain "Apply" before a check. */
    static StringBinding applyLabel(ObservableValue<Plan> plan) {
        return Bindings.createStringBinding(() -> {
            Plan p = plan.getValue();
            if (p == null) {
                return Words.get("apply.button");
            }
            int n = p.toApply().size();
            return n == 0 ? Words.get("apply.button.nothing") : Words.count("apply.button.changes", n);
        }, plan);
    }

    /** Why "Check my org" cannot be pressed now, or empty. */
    static StringBinding check(ObservableValue<?> connection, ObservableBooleanValue checking,
                               ObservableStringValue choicesProblem, ObservableBooleanValue applying) {
        return Bindings.createStringBinding(() -> {
            String first = signedInAndIdle(connection, applying);
            if (!first.isEmpty()) {
                return first;
            }
            return checking.get() ? "" : choicesProblem.get();
        }, connection, checking, choicesProblem, applying);
    }

    /** Why the apply button cannot be pressed now, or empty. */
    static StringBinding apply(ObservableValue<?> connection, ObservableBooleanValue checking,
                               ObservableStringValue choicesProblem, ObservableValue<Plan> plan,
                               ObservableBooleanValue applying) {
        return Bindings.createStringBinding(() -> {
            String first = signedInAndIdle(connection, applying);
            if (!first.isEmpty()) {
                return first;
            }
            if (checking.get()) {
                return Words.get("reason.checking");
            }
            if (!choicesProblem.get().isEmpty()) {
                return choicesProblem.get();
            }
            if (plan.getValue() == null) {
                return Words.get("reason.checkFirst");
            }
            if (!plan.getValue().preflightProblems().isEmpty()) {
                return Words.get("reason.preflight");
            }
            return "";
        }, connection, checking, choicesProblem, plan, applying);
    }

    /** What both buttons need first: a signed-in org and no apply running; empty when both hold. */
    private static String signedInAndIdle(ObservableValue<?> connection, ObservableBooleanValue applying) {
        if (connection.getValue() == null) {
            return Words.get("reason.signInFirst");
        }
        return applying.get() ? Words.get("reason.applyRunning") : "";
    }
}
