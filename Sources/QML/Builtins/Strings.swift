import Foundation

extension BuiltinRegistry {
    /// split, join, upper, lower, trim, replace, starts_with, ends_with, padding.
    static func registerStrings(into r: inout BuiltinRegistry) {
        r.add("split", [.required("s"), .optional("sep")], topic: "strings", doc: """
            The pieces of a string between separators; without `sep`, splits on runs of whitespace.
            split("a,b,c", ",")    # ["a", "b", "c"]
            split("  a  b ")       # ["a", "b"]
            """) { args in
            let s = try args.string(0)
            if args.has(1) {
                let sep = try args.string(1)
                guard !sep.isEmpty else { throw args.error("`sep` must not be empty") }
                return .list(s.components(separatedBy: sep).map { .str($0) })
            }
            return .list(s.split(whereSeparator: { $0.isWhitespace }).map { .str(String($0)) })
        }

        r.add("join", [.required("xs"), .optional("sep", "\"\"")], topic: "strings", doc: """
            The elements as text, joined with `sep`.
            join(["a", "b"], ", ")   # "a, b"
            join([1, 2, 3], "-")     # "1-2-3"
            """) { args in
            let sep = try args.string(1, default: "")
            return .str(try args.sequence(0).map(ValueFormatter.printed).joined(separator: sep))
        }

        r.add("upper", [.required("s")], topic: "strings", doc: "The string in upper case.") { args in .str(try args.string(0).uppercased()) }
        r.add("lower", [.required("s")], topic: "strings", doc: "The string in lower case.") { args in .str(try args.string(0).lowercased()) }
        r.add("trim", [.required("s")], topic: "strings", doc: "The string without leading and trailing whitespace.") { args in
            .str(try args.string(0).trimmingCharacters(in: .whitespacesAndNewlines))
        }
        r.add("replace", [.required("s"), .required("old"), .required("new")], topic: "strings", doc: """
            The string with every occurrence of `old` replaced by `new`.
            replace("a-b-c", "-", "+")   # "a+b+c"
            """) { args in
            let old = try args.string(1)
            guard !old.isEmpty else { throw args.error("`old` must not be empty") }
            return .str(try args.string(0).replacingOccurrences(of: old, with: try args.string(2)))
        }
        r.add("starts_with", [.required("s"), .required("prefix")], topic: "strings", doc: "Whether the string begins with prefix.") { args in
            .bool(try args.string(0).hasPrefix(try args.string(1)))
        }
        r.add("ends_with", [.required("s"), .required("suffix")], topic: "strings", doc: "Whether the string ends with suffix.") { args in
            .bool(try args.string(0).hasSuffix(try args.string(1)))
        }
        r.add("pad_left", [.required("x"), .required("width"), .optional("fill", "\" \"")], topic: "strings", doc: """
            The value as text, padded on the left to `width` characters (for aligned columns).
            pad_left(42, 5)   # "   42"
            """) { args in
            try pad(args, left: true)
        }
        r.add("pad_right", [.required("x"), .required("width"), .optional("fill", "\" \"")], topic: "strings", doc: """
            The value as text, padded on the right to `width` characters.
            """) { args in
            try pad(args, left: false)
        }
        r.add("chars", [.required("s")], topic: "strings", doc: "The characters of a string as a list of one-character strings.") { args in
            .list(try args.string(0).map { .str(String($0)) })
        }
    }

    static func pad(_ args: Arguments, left: Bool) throws -> Value {
        let text = ValueFormatter.printed(args.value(0))
        let width = try args.int(1)
        let fill = try args.string(2, default: " ")
        guard fill.count == 1 else { throw args.error("`fill` must be a single character") }
        guard width <= 10_000 else { throw args.error("`width` is too large") }
        let missing = max(0, width - text.count)
        let padding = String(repeating: fill, count: missing)
        return .str(left ? padding + text : text + padding)
    }
}
