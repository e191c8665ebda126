package com.emite.setup.cli;

import com.emite.setup.contract.ApiContract;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The options of every command, their one-line help, and the parser ({@code --name value} or {@code --name=value}). */
public final class CliOptions {

    /** One option. {@code arg} is null for a flag. */
    public record Opt(String name, String arg, String help, boolean repeatable, Set<Command> commands) {
        boolean flag() {
            return arg == null;
        }
    }

    private static final Set<Command> ALL = EnumSet.allOf(Command.class);
    private static final Set<Command> PLANNING = EnumSet.of(Command.PLAN, Command.APPLY, Command.VERIFY);
    private static final Set<Command> LICENSING = EnumSet.of(Command.PLAN, Command.APPLY, Command.VERIFY,
            Command.KEEP_LICENCES);

    /** Every option, in the order --help lists them. */
    public static final List<Opt> OPTIONS = List.of(
            // target
            new Opt("--region", "ID|ADDRESS", "Genesys Cloud region: its id (ap-southeast-2) or any Genesys address "
                    + "you see (login page, app or API URL)", false, ALL),
            new Opt("--sandbox", null, "Use the built-in sandbox org (an offline simulator) instead of a real org",
                    false, ALL),
            new Opt("--api-base", "URL", "Custom environment: the API base URL (with --login-base)", false, ALL),
            new Opt("--login-base", "URL", "Custom environment: the login (OAuth) base URL (with --api-base)", false,
                    ALL),
            // sign-in
            new Opt("--client-id", "ID", "Sign in with an admin OAuth client (client credentials) of this id", false,
                    ALL),
            new Opt("--client-secret-env", "VAR", "Read that client's secret from this environment variable "
                    + "(default: read it from standard input)", false, ALL),
            new Opt("--token-env", "VAR", "Sign in with an access token read from this environment variable", false,
                    ALL),
            new Opt("--browser", null, "Sign in as yourself in the browser (needs --pkce-client-id)", false, ALL),
            new Opt("--pkce-client-id", "ID", "The PKCE OAuth client used by --browser", false, ALL),
            new Opt("--pkce-port", "PORT", "Local port of --browser's redirect URI http://127.0.0.1:PORT/callback, "
                    + "as registered on the PKCE client (default " + ApiContract.PKCE_REDIRECT_PORT + ")", false, ALL),
            // choices
            new Opt("--with-wfm", null, "Also create the WFM clients emite_WFMLookback and emite_WFMActivity", false,
                    PLANNING),
            new Opt("--divisions", "all|NAME,...", "Divisions whose agents get the eMite licence (default: all)",
                    false, LICENSING),
            new Opt("--group-members", "GROUP=EMAIL,...", "Add these users (by e-mail) to an eMite group; repeat "
                    + "for each group", true, PLANNING),
            new Opt("--restore-backup", null, "Open the vault's backup copy (the previous save) when the vault file is "
                    + "damaged; the damaged file is kept beside it", false, ALL),
            new Opt("--remove-group-members", "GROUP=EMAIL,...", "Take these users (by e-mail) out of an eMite "
                    + "group; repeat for each group", true, PLANNING),
            new Opt("--permission", "ROW=DOMAIN:ENTITY:ACTION", "For a row of the guide's permission table whose "
                    + "exact permission this org lacks: the org's permission to use instead (plan lists the "
                    + "candidates); remembered for the org; repeat for each row", true, PLANNING),
            new Opt("--leave-out", "ROW,...", "Leave these rows of the guide's permission table out of the role "
                    + "(plan says what eMite loses)", false, PLANNING),
            new Opt("--remove-duplicates", null, "Delete second objects with an eMite name (verify lists them; a "
                    + "second OAuth client's secret may be in use elsewhere)", false,
                    EnumSet.of(Command.PLAN, Command.APPLY)),
            new Opt("--reset-unknown-secrets", null, "Reset the secret of an existing client whose secret the vault "
                    + "does not hold (eMite must then get the new one)", false,
                    EnumSet.of(Command.PLAN, Command.APPLY)),
            new Opt("--yes", null, "Apply without asking for confirmation", false,
                    EnumSet.of(Command.APPLY, Command.ROTATE_SECRETS, Command.REMOVE, Command.DIAGNOSE)),
            new Opt("--probe", null, "diagnose: also probe by writing: make throw-away objects named with a per-run "
                    + "tag, watch how the org answers, remove them at once (asks first; on by default with "
                    + "--sandbox)", false, EnumSet.of(Command.DIAGNOSE)),
            new Opt("--read-only", null, "diagnose: read only, even with --sandbox", false,
                    EnumSet.of(Command.DIAGNOSE)),
            new Opt("--include-existing", null, "remove: also remove objects with an eMite name that were there "
                    + "before eMite Setup (default: listed and kept)", false, EnumSet.of(Command.REMOVE)),
            new Opt("--step-timeout", "SECONDS", "How long one step of apply may take in all, retries and waits "
                    + "included (default 600); past it apply stops with the journal saved", false,
                    EnumSet.of(Command.APPLY)),
            new Opt("--client", "NAME", "The OAuth client whose secret to rotate (default: all of eMite's and the "
                    + "upkeep sign-in); repeat for each", true, EnumSet.of(Command.ROTATE_SECRETS)),
            new Opt("--upkeep-client", null, "Rotate the upkeep sign-in's secret (the client \""
                    + "eMite Licence Upkeep\"; alone, or with the --client ones); the new one stays in the vault, "
                    + "where keep-licences reads it", false, EnumSet.of(Command.ROTATE_SECRETS)),
            new Opt("--max-secret-age", "DAYS", "Exit 3 when a client secret in the vault is older than this "
                    + "(for a scheduler or monitoring)", false, EnumSet.of(Command.VERIFY)),
            new Opt("--grant-timeout", "SECONDS", "How long to wait for a new role grant to take effect "
                    + "(default 180)", false, EnumSet.of(Command.APPLY, Command.KEEP_LICENCES)),
            // output
            new Opt("--out", "DIR", "Folder to write the form into (default: the data folder)", false,
                    EnumSet.of(Command.EXPORT_FORM)),
            new Opt("--include-secrets", null, "Write the client secrets in clear into the form (the file says so "
                    + "on top)", false, EnumSet.of(Command.EXPORT_FORM)),
            new Opt("--json", null, "Machine-readable output (JSON on standard output)", false, ALL),
            // storage
            new Opt("--vault", "FILE", "The vault file holding client secrets and the journal (default: in the "
                    + "data folder)", false, ALL),
            new Opt("--vault-password-env", "VAR", "Read the vault password from this environment variable "
                    + "(default: ask)", false, ALL),
            new Opt("--vault-password-keychain", null, "Take the vault password from this computer's keychain "
                    + "(kept there by --remember-vault-password or the app's \"Remember on this computer\")", false,
                    ALL),
            new Opt("--remember-vault-password", null, "Keep the vault password in this computer's keychain once "
                    + "the vault opens with it (for scheduled runs)", false, ALL),
            new Opt("--remember-sign-in", null, "Keep the admin client (--client-id and its secret) in the vault, "
                    + "so that keep-licences can sign in with no person present", false,
                    EnumSet.of(Command.APPLY, Command.KEEP_LICENCES)),
            new Opt("--org", "SHORTNAME", "Which of the vault's orgs (its short name; needed when the vault holds "
                    + "several); without sign-in options, signs in with the org's remembered client", false, ALL),
            new Opt("--take-back-from-leavers", null, "keep-licences: also take a division's eMite role back from "
                    + "active users who hold it but are in another division now (off by default); with "
                    + "--with-upkeep-client: the upkeep sign-in's role may do that too", false,
                    EnumSet.of(Command.KEEP_LICENCES, Command.SCHEDULE, Command.PLAN, Command.APPLY, Command.VERIFY)),
            new Opt("--with-upkeep-client", null, "Also make the upkeep sign-in: an OAuth client whose role holds "
                    + "only what keep-licences needs, its secret in the vault; keep-licences then signs in with it",
                    false, EnumSet.of(Command.PLAN, Command.APPLY, Command.VERIFY)),
            new Opt("--sign-in", "auto|upkeep|admin", "keep-licences: which client the vault remembers to sign in "
                    + "with (default auto: the upkeep sign-in when the vault holds it, else the admin's)", false,
                    EnumSet.of(Command.KEEP_LICENCES, Command.SCHEDULE)),
            new Opt("--forget-sign-in", null, "schedule remove: also drop the org's remembered sign-in client from "
                    + "the vault (asks for the vault password)", false, EnumSet.of(Command.SCHEDULE)),
            new Opt("--at", "HH:MM", "schedule install: the local time of day the run starts (default 06:00)", false,
                    EnumSet.of(Command.SCHEDULE)),
            new Opt("--data-dir", "DIR", "Folder for everything the app writes: vault, forms, logs (default: your "
                    + "app-data folder)", false, ALL),
            new Opt("--rate-limit", "PER_MINUTE", "Requests per minute this tool allows itself (default 300, the "
                    + "Genesys limit per token; 0 = no limit)", false, ALL),
            // sandbox shape
            new Opt("--sandbox-divisions", "N", "With --sandbox: number of divisions (default 3)", false, ALL),
            new Opt("--sandbox-agents", "N", "With --sandbox: number of agents (default 40; 60 for diagnose, whose probes try batches of 50)", false, ALL),
            new Opt("--sandbox-no-wfm", null, "With --sandbox: an org without the WFM licence", false, ALL),
            new Opt("--sandbox-no-licence", null, "With --sandbox: an org without the eMite licence permission",
                    false, ALL),
            new Opt("--help", null, "Show this help", false, ALL));

    private final Command command;
    private final Map<String, List<String>> values = new LinkedHashMap<>();

    private CliOptions(Command command) {
        this.command = command;
    }

    public Command command() {
        return command;
    }

    /** Parses the options after the command word. */
    public static CliOptions parse(Command command, List<String> args) {
        CliOptions o = new CliOptions(command);
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (!a.startsWith("--")) {
                throw new UsageException("Unexpected word " + CliText.quote(a) + ". Options start with --; see "
                        + command.word() + " --help.");
            }
            String name = a;
            String value = null;
            int eq = a.indexOf('=');
            if (eq > 0) {
                name = a.substring(0, eq);
                value = a.substring(eq + 1);
            }
            Opt opt = find(name);
            if (opt == null) {
                throw new UsageException("Unknown option " + CliText.quote(name) + ". See " + command.word() + " --help.");
            }
            if (!opt.commands().contains(command)) {
                throw new UsageException("Option " + CliText.quote(name) + " does not apply to " + command.word() + ". See "
                        + command.word() + " --help.");
            }
            if (opt.flag()) {
                if (value != null) {
                    throw new UsageException("Option " + CliText.quote(name) + " takes no value.");
                }
                value = "true";
            } else if (value == null) {
                if (i + 1 >= args.size() || args.get(i + 1).startsWith("--")) {
                    throw new UsageException("Option " + CliText.quote(name) + " needs a value (" + opt.arg() + ").");
                }
                value = args.get(++i);
            }
            List<String> list = o.values.computeIfAbsent(name, k -> new ArrayList<>());
            if (!list.isEmpty() && !opt.repeatable()) {
                throw new UsageException("Option " + CliText.quote(name) + " is given twice.");
            }
            list.add(value);
        }
        return o;
    }

    static Opt find(String name) {
        return OPTIONS.stream().filter(o -> o.name().equals(name)).findFirst().orElse(null);
    }

    public boolean has(String name) {
        return values.containsKey(name);
    }

    public String value(String name) {
        List<String> v = values.get(name);
        return v == null ? null : v.get(0);
    }

    public String value(String name, String fallback) {
        String v = value(name);
        return v == null ? fallback : v;
    }

    public List<String> values(String name) {
        return values.getOrDefault(name, List.of());
    }

    public int intValue(String name, int fallback) {
        String v = value(name);
        if (v == null) {
            return fallback;
        }
        try {
            int n = Integer.parseInt(v.trim());
            if (n < 0) {
                throw new NumberFormatException();
            }
            return n;
        } catch (NumberFormatException e) {
            throw new UsageException("Option " + name +  " needs a whole number of zero or more, not " + CliText.quote(v) + ".");
        }
    }

    /** The help of one command: what it does, then its options, one a line. */
    public static String help(Command command) {
        StringBuilder sb = new StringBuilder();
        sb.append("Usage: java -jar emite-setup.jar ").append(command.word())
                .append(command == Command.SCHEDULE ? " install|status|remove" : "").append(" [options]\n");
        sb.append(command.summary()).append("\n\nOptions:\n");
        int width = 0;
        for (Opt o : OPTIONS) {
            if (o.commands().contains(command)) {
                width = Math.max(width, label(o).length());
            }
        }
        for (Opt o : OPTIONS) {
            if (o.commands().contains(command)) {
                sb.append("  ").append(String.format("%-" + width + "s", label(o))).append("  ").append(o.help())
                        .append('\n');
            }
        }
        return sb.toString();
    }

    private static String label(Opt o) {
        return o.flag() ? o.name() : o.name() + " " + o.arg();
    }
}
