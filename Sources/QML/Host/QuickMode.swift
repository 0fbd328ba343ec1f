/// Scripts learn that they should run small (the quick mode CI uses) from a `--quick`
/// argument; `QUICK=1` in the environment means the same, so `QUICK=1 qrepl run x.qml`
/// and `qrepl run x.qml --quick` agree.
public enum QuickMode {
    /// `arguments` with `--quick` appended when the environment's QUICK is set to anything
    /// but "", "0", "false" or "no" and the flag is not already there.
    public static func arguments(_ arguments: [String], environment: [String: String]) -> [String] {
        guard let value = environment["QUICK"]?.lowercased(), !["", "0", "false", "no"].contains(value),
              !arguments.contains("--quick") else { return arguments }
        return arguments + ["--quick"]
    }
}
