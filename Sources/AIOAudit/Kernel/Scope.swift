/// Which files the aio model is for. The model, the rules' wording and the era profiles describe
/// the asynchronous-I/O subsystem: its contexts (`struct kioctx`, declared by every fs/aio.c from
/// 2.5 to 6.x), their requests and rings. A file is in scope by what it contains, not its name:
/// a renamed copy, or a variation of the file, is still aio code; a filesystem that only passes a
/// `struct kiocb` along is not.
public enum AIOScope {
    /// Identifiers of which one, as a whole word, makes a file aio code.
    public static let markers = ["kioctx"]
    /// A comment that puts a file in scope whatever it names: code written in the aio subsystem's
    /// shapes under other names (a driver's own contexts and requests, a test's fixture).
    public static let directive = "aio-audit: aio-model"

    public static func applies(to text: String) -> Bool {
        markers.contains { Words.occurs($0, in: text, wholeWord: true) } || text.contains(directive)
    }

    /// What the tool says of a file outside the scope, before what follows from it.
    public static let outside = "not aio code (no struct kioctx)"

    /// The scope as reports name it: "aio", or "generic" (only the generic rules report).
    public static func name(of text: String) -> String { applies(to: text) ? "aio" : "generic" }
}
