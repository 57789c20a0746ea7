/// A problem with what the user gave the tool: it ends the command with one line naming the input
/// and exit status 2.
public struct InputError: Error, CustomStringConvertible, Sendable, Equatable {
    public var input: String
    public var problem: String

    public init(_ input: String, _ problem: String) {
        self.input = input
        self.problem = problem
    }

    public var description: String { "\(input): \(problem)" }
}
