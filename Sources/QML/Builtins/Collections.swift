extension BuiltinRegistry {
    /// map, filter, reduce, sort, zip, enumerate, keys, values, append, contains...
    static func registerCollections(into r: inout BuiltinRegistry) {
        r.add("map", [.required("xs"), .required("f")], topic: "lists", doc: """
            A new list of f(x) for each element x.
            map([1, 2, 3], |x| x * x)   # [1, 4, 9]
            [1, 2] |> map(|x| x + 1)    # [2, 3]
            """) { args in
            let f = try args.function(1)
            var out: [Value] = []
            for x in try args.sequence(0) { out.append(try args.interpreter.call(f, [x])) }
            return .list(out)
        }

        r.add("filter", [.required("xs"), .required("f")], topic: "lists", doc: """
            A new list of the elements for which f returns true.
            filter([1, 2, 3, 4], |x| x % 2 == 0)   # [2, 4]
            """) { args in
            let f = try args.function(1)
            var out: [Value] = []
            for x in try args.sequence(0) {
                let keep = try args.interpreter.call(f, [x])
                guard case .bool(let b) = keep else { throw args.error("the function must return true or false, got \(keep.typeName)") }
                if b { out.append(x) }
            }
            return .list(out)
        }

        r.add("reduce", [.required("xs"), .required("initial"), .required("f")], topic: "lists", doc: """
            Folds the list from the left: f(f(f(initial, x0), x1), x2)...
            reduce([1, 2, 3], 0, |acc, x| acc + x)   # 6
            """) { args in
            let f = try args.function(2)
            var acc = args.value(1)
            for x in try args.sequence(0) { acc = try args.interpreter.call(f, [acc, x]) }
            return acc
        }

        r.add("sort", [.required("xs"), .optional("key"), .optional("reverse", "false")], topic: "lists", doc: """
            A new list in ascending order (stable); `key:` sorts by f(x); `reverse: true` for descending.
            sort([3, 1, 2])                       # [1, 2, 3]
            sort(["bb", "a"], key: |s| len(s))    # ["a", "bb"]
            """) { args in
            let items = try args.sequence(0)
            let key = args.has(1) ? try args.function(1) : nil
            let reverse = try args.bool(2, default: false)
            let keys = try items.map { item in try key.map { f in try args.interpreter.call(f, [item]) } ?? item }
            var failure: Diagnostic?
            let order = Array(items.indices).sorted { a, b in
                guard let c = keys[a].compare(keys[b]) else {
                    if failure == nil { failure = args.error("cannot compare \(keys[a].typeName) and \(keys[b].typeName)") }
                    return a < b
                }
                if c == 0 { return a < b }
                return reverse ? c > 0 : c < 0
            }
            if let failure { throw failure }
            return .list(order.map { items[$0] })
        }

        r.add("reversed", [.required("xs")], topic: "lists", doc: "A new list with the elements in reverse order.") { args in
            if case .string(let s) = args.value(0) { return .str(String(s.value.reversed())) }
            return .list(try args.sequence(0).reversed())
        }

        r.add("zip", [.variadic("lists")], topic: "lists", doc: """
            Tuples of corresponding elements, as long as the shortest input.
            zip([1, 2], ["a", "b"])   # [(1, "a"), (2, "b")]
            """) { args in
            let lists = try args.list(0).map { v -> [Value] in
                guard let items = try v.iterated() else { throw args.error("cannot zip \(v.typeName)") }
                return items
            }
            guard let n = lists.map(\.count).min() else { return .list([]) }
            return .list((0..<n).map { i in .tuple(lists.map { $0[i] }) })
        }

        r.add("enumerate", [.required("xs"), .optional("start", "0")], topic: "lists", doc: """
            (index, element) tuples.
            for (i, x) in enumerate(["a", "b"]) { print("{i}: {x}") }
            """) { args in
            let start = try args.int(1, default: 0)
            return .list(try args.sequence(0).enumerated().map { .tuple([.int(start &+ $0.offset), $0.element]) })
        }

        r.add("keys", [.required("record")], topic: "records", doc: "The keys of a record, in insertion order.") { args in
            .list(try args.record(0).keys)
        }
        r.add("values", [.required("record")], topic: "records", doc: "The values of a record, in insertion order.") { args in
            .list(try args.record(0).values)
        }
        r.add("items", [.required("record")], topic: "records", doc: "The (key, value) tuples of a record.") { args in
            let rec = try args.record(0)
            return .list((0..<rec.count).map { .tuple([rec.keys[$0], rec.values[$0]]) })
        }
        r.add("has", [.required("record"), .required("key")], topic: "records", doc: "Whether a record has a key. has({a: 1}, \"a\") is true.") { args in
            .bool(try args.record(0).position(of: args.value(1)) != nil)
        }
        r.add("get", [.required("record"), .required("key"), .optional("default", "nil")], topic: "records", doc: """
            The value under a key, or `default` when the record has no such key.
            get({a: 1}, "b", default: 0)   # 0
            """) { args in
            try args.record(0).get(args.value(1)) ?? args.value(2)
        }

        r.add("append", [.required("xs"), .required("value")], topic: "lists", doc: """
            A new list with `value` added at the end (the variable form xs.append(v) changes xs instead).
            append([1, 2], 3)   # [1, 2, 3]
            """) { args in
            var items = try args.list(0)
            items.append(args.value(1))
            return .list(items)
        }

        r.add("contains", [.required("collection"), .required("value")], topic: "lists", doc: """
            Whether a list, tuple, range or record (by key) holds a value, or a string holds a substring; the same as `value in collection`.
            contains([1, 2], 2)        # true
            contains("qrepl", "rep")   # true
            """) { args in
            .bool(try Operators.contains(args.value(0), args.value(1), args.interpreter))
        }

        r.add("list", [.optional("x")], topic: "lists", doc: """
            A list of the elements of a range, tuple, string, record (as (key, value) tuples) or list; list() is [].
            list(0..<3)   # [0, 1, 2]
            """) { args in
            guard args.has(0) else { return .list([]) }
            return .list(try args.sequence(0))
        }

        r.add("tuple", [.variadic("values")], topic: "lists", doc: "A tuple of the arguments: tuple(1, 2) is (1, 2).") { args in
            .tuple(try args.list(0))
        }

        r.add("any", [.required("xs")], topic: "lists", doc: "Whether any element is true.") { args in
            for x in try args.sequence(0) {
                guard case .bool(let b) = x else { throw args.error("elements must be true or false, found \(x.typeName)") }
                if b { return .bool(true) }
            }
            return .bool(false)
        }
        r.add("all", [.required("xs")], topic: "lists", doc: "Whether every element is true.") { args in
            for x in try args.sequence(0) {
                guard case .bool(let b) = x else { throw args.error("elements must be true or false, found \(x.typeName)") }
                if !b { return .bool(false) }
            }
            return .bool(true)
        }

        r.add("index_of", [.required("xs"), .required("value")], topic: "lists", doc: "The position of the first element equal to value, or nil.") { args in
            if let i = try args.sequence(0).firstIndex(where: { $0.equals(args.value(1)) }) { return .int(i) }
            return .null
        }

        r.add("count", [.required("xs"), .required("value")], topic: "lists", doc: "How many elements equal value.") { args in
            .int(try args.sequence(0).filter { $0.equals(args.value(1)) }.count)
        }

        r.add("repeat", [.required("value"), .required("n")], topic: "lists", doc: """
            A list of n copies of value. repeat(0, 3) is [0, 0, 0].
            """) { args in
            let n = try args.int(1)
            guard n >= 0, n <= 100_000_000 else { throw args.error("`n` must be between 0 and 100000000") }
            return .list([Value](repeating: args.value(0), count: n))
        }

        r.add("unique", [.required("xs")], topic: "lists", doc: "The distinct elements, in order of first appearance.") { args in
            var out: [Value] = []
            for x in try args.sequence(0) where !out.contains(where: { $0.equals(x) }) { out.append(x) }
            return .list(out)
        }

        r.add("from_pairs", [.optional("pairs")], topic: "records", doc: """
            A record from a list of (key, value) tuples; from_pairs() is {}.
            from_pairs([("a", 1), ((0, 1), -1.0)])   # {a: 1, (0, 1): -1.0}
            """) { args in
            let box = RecordBox()
            guard args.has(0) else { return .record(box) }
            for item in try args.sequence(0) {
                guard case .tuple(let kv) = item, kv.count == 2 else {
                    throw args.error("each element must be a (key, value) tuple, found \(ValueFormatter.describe(item, limit: 4))")
                }
                guard box.set(kv[0], kv[1]) else { throw args.error("a \(kv[0].typeName) cannot be a record key") }
            }
            return .record(box)
        }
    }
}
