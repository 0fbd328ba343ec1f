import Synchronization

/// A process-wide request to stop the computation in progress.
///
/// A signal handler (Ctrl-C in the REPL) sets the flag by writing a nonzero 32-bit
/// value at `rawAddress`; interpreters and long-running native loops poll
/// `isRequested` at safe points and stop with an "interrupted" error.
public enum Cancellation {
    /// Storage for the flag, allocated once and never freed, so its address is stable
    /// and may be handed to C code.
    nonisolated(unsafe) private static let storage: UnsafeMutablePointer<Atomic<Int32>> = {
        let pointer = UnsafeMutablePointer<Atomic<Int32>>.allocate(capacity: 1)
        pointer.initialize(to: Atomic<Int32>(0))
        return pointer
    }()

    /// The address of the flag as a plain `int32_t`, for a C signal handler to store into.
    public static var rawAddress: UnsafeMutableRawPointer { UnsafeMutableRawPointer(storage) }

    /// True when a stop has been requested and not yet acknowledged.
    @inline(__always)
    public static var isRequested: Bool { storage.pointee.load(ordering: .relaxed) != 0 }

    /// Requests a stop (what the signal handler does, callable from Swift too).
    public static func request() { storage.pointee.store(1, ordering: .relaxed) }

    /// Clears the request once it has been acted upon.
    public static func reset() { storage.pointee.store(0, ordering: .relaxed) }
}

/// Thrown by native code that noticed `Cancellation.isRequested`.
public struct CancelledError: Error, CustomStringConvertible {
    public init() {}
    public var description: String { "interrupted" }
}
