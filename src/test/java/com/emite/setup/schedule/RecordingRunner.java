package com.emite.setup.schedule;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/** A scheduler tool that answers as told and remembers every call, for tests that must not touch the machine. */
final class RecordingRunner implements CommandRunner {
    final List<List<String>> calls = new ArrayList<>();
    final List<String> inputs = new ArrayList<>();
    private final Function<List<String>, Result> answer;

    RecordingRunner(Function<List<String>, Result> answer) {
        this.answer = answer;
    }

    static RecordingRunner alwaysOk() {
        return new RecordingRunner(argv -> new Result(0, ""));
    }

    @Override
    public Result run(List<String> argv, String input) {
        calls.add(List.copyOf(argv));
        inputs.add(input);
        return answer.apply(argv);
    }
}
