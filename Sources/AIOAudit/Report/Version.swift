/// The tool's version, printed by `--version` and named in SARIF's driver.
public enum AIOAuditVersion {
    public static let string = "0.1.0"
}
