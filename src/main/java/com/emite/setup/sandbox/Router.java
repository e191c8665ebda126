package com.emite.setup.sandbox;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Method + path template ({@code /api/v2/groups/{groupId}}) to handler. Literal segments win over parameters. */
final class Router {
    interface Handler {
        HandlerResponse handle(HandlerRequest r);
    }

    /** {@code api}: needs a bearer token and is rate limited; login routes (/oauth/*) need neither. */
    record Route(String method, String template, String[] segments, boolean api, Handler handler) {
        String key() {
            return method + " " + template;
        }
    }

    record Match(Route route, Map<String, String> params) {
    }

    private final List<Route> routes = new ArrayList<>();

    void api(String method, String template, Handler h) {
        routes.add(new Route(method, template, split(template), true, h));
    }

    void login(String method, String template, Handler h) {
        routes.add(new Route(method, template, split(template), false, h));
    }

    Match match(String method, String path) {
        String[] segs = split(path);
        Match best = null;
        int bestScore = -1;
        for (Route r : routes) {
            if (!r.method.equals(method) || r.segments.length != segs.length) {
                continue;
            }
            Map<String, String> params = new HashMap<>();
            int score = 0;
            boolean ok = true;
            for (int i = 0; i < segs.length && ok; i++) {
                String t = r.segments[i];
                if (t.startsWith("{") && t.endsWith("}")) {
                    params.put(t.substring(1, t.length() - 1), HandlerRequest.decode(segs[i]));
                } else if (t.equals(segs[i])) {
                    score++;
                } else {
                    ok = false;
                }
            }
            if (ok && score > bestScore) {
                best = new Match(r, params);
                bestScore = score;
            }
        }
        return best;
    }

    List<Route> routes() {
        return List.copyOf(routes);
    }

    private static String[] split(String path) {
        String p = path.startsWith("/") ? path.substring(1) : path;
        if (p.endsWith("/")) {
            p = p.substring(0, p.length() - 1);
        }
        return p.split("/", -1);
    }
}
