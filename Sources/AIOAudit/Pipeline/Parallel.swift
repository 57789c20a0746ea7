import Foundation

/// Work on many files at once: `jobs` workers take the next index until none is left; the
/// results come back in index order, so what is printed from them is the same bytes whatever
/// finished first. Each parse keeps its libclang handles on its own thread (Parser.parse); only
/// the project's value types cross threads.
public enum Parallel {
    public static func map<T: Sendable>(
        count: Int, jobs: Int, progress: (@Sendable (_ done: Int) -> Void)? = nil,
        _ body: @Sendable (Int) -> T
    ) -> [T] {
        let state = Shared<T>(count: count)
        let workers = max(1, min(jobs, count))
        DispatchQueue.concurrentPerform(iterations: workers) { _ in
            while let i = state.next() {
                let value = body(i)
                let done = state.put(value, at: i)
                progress?(done)
            }
        }
        return state.results()
    }

    private final class Shared<T: Sendable>: @unchecked Sendable {
        private let lock = NSLock()
        private var nextIndex = 0
        private var done = 0
        private var values: [T?]

        init(count: Int) { values = Array(repeating: nil, count: count) }

        func next() -> Int? {
            lock.lock()
            defer { lock.unlock() }
            guard nextIndex < values.count else { return nil }
            nextIndex += 1
            return nextIndex - 1
        }

        func put(_ value: T, at i: Int) -> Int {
            lock.lock()
            defer { lock.unlock() }
            values[i] = value
            done += 1
            return done
        }

        func results() -> [T] { values.map { $0! } }
    }
}
