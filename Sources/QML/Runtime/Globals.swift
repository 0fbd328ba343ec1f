/// The global variables: builtins, prelude functions, and the top-level names of
/// scripts, modules and REPL inputs. Resolved to indices before code runs.
final class Globals {
    /// The values, behind a pointer so compiled code reads them without reference counting.
    let storage: UnsafeMutablePointer<[Value]> = {
        let p = UnsafeMutablePointer<[Value]>.allocate(capacity: 1)
        p.initialize(to: [])
        return p
    }()
    var values: [Value] {
        _read { yield storage.pointee }
        _modify { yield &storage.pointee }
    }

    deinit {
        storage.deinitialize(count: 1)
        storage.deallocate()
    }

    private(set) var names: [String] = []
    private(set) var mutable: [Bool] = []
    /// Where each global was declared (nil for builtins).
    private(set) var declaredAt: [Span?] = []
    /// True for names defined by builtins or the prelude (not listed by `:vars`).
    private(set) var isLibrary: [Bool] = []
    private var lookup: [String: Int] = [:]

    /// The index of a global, if it exists.
    func index(of name: String) -> Int? { lookup[name] }

    /// Declares (or re-declares) a global and returns its index.
    @discardableResult
    func declare(_ name: String, mutable isMutable: Bool, at span: Span?, library: Bool = false) -> Int {
        if let i = lookup[name] {
            mutable[i] = isMutable
            declaredAt[i] = span
            if !library { isLibrary[i] = false }
            return i
        }
        let i = values.count
        values.append(.null)
        names.append(name)
        mutable.append(isMutable)
        declaredAt.append(span)
        isLibrary.append(library)
        lookup[name] = i
        return i
    }

    var allNames: [String] { names }

    /// What `rollback` restores: the number of globals and their mutability.
    struct Snapshot {
        let count: Int
        let mutable: [Bool]
        let declaredAt: [Span?]
    }

    func snapshot() -> Snapshot { Snapshot(count: names.count, mutable: mutable, declaredAt: declaredAt) }

    /// Forgets globals declared since the snapshot (a REPL input that failed to compile
    /// must not leave its names behind as nil).
    func rollback(to s: Snapshot) {
        guard names.count >= s.count else { return }
        for name in names[s.count...] { lookup[name] = nil }
        values.removeSubrange(s.count...)
        names.removeSubrange(s.count...)
        isLibrary.removeSubrange(s.count...)
        mutable = s.mutable
        declaredAt = s.declaredAt
    }

    /// Marks a global as part of the library (prelude), hidden from `:vars`.
    func setLibrary(_ i: Int) { isLibrary[i] = true }
}

/// How compiled code refers to the global values.
typealias GlobalValues = UnsafeMutablePointer<[Value]>

extension UnsafeMutablePointer where Pointee == [Value] {
    /// The global values, read and changed in place.
    var values: [Value] {
        _read { yield pointee }
        nonmutating _modify { yield &pointee }
    }
}
