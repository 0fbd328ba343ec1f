import Foundation

extension BuiltinRegistry {
    /// time, clock, record, files.
    static func registerSystem(into r: inout BuiltinRegistry) {
        r.add("time", [], topic: "system", doc: "Seconds since 1970-01-01 UTC, as a float (wall clock).") { _ in
            .float(Date().timeIntervalSince1970)
        }

        r.add("clock", [], topic: "system", doc: """
            Seconds from a fixed point, monotonic: subtract two readings to time a computation.
            let t0 = clock(); work(); print(clock() - t0)
            """) { _ in
            .float(Double(DispatchTime.now().uptimeNanoseconds) / 1e9)
        }

        r.add("record", [.required("name"), .required("value")], topic: "system", doc: """
            Notes a headline figure of a run and returns the value.
            `qrepl run FILE --record out.json` writes every recorded figure, with the seeds used, to a JSON run record.
            record("accuracy", 0.91)
            """) { args in
            let name = try args.string(0)
            let v = args.value(1)
            if let i = args.interpreter.records.firstIndex(where: { $0.0 == name }) {
                args.interpreter.records[i].1 = v
            } else {
                args.interpreter.records.append((name, v))
            }
            return v
        }

        r.add("read_text", [.required("path")], topic: "system", doc: "The contents of a UTF-8 text file.") { args in
            let path = try args.string(0)
            guard let data = FileManager.default.contents(atPath: path) else { throw args.error("cannot read \(path)") }
            guard let text = String(data: data, encoding: .utf8) else { throw args.error("\(path) is not UTF-8 text") }
            return .str(text)
        }

        r.add("write_text", [.required("path"), .required("text")], topic: "system", doc: "Writes text to a file, replacing it.") { args in
            let path = try args.string(0)
            let text = ValueFormatter.printed(args.value(1))
            guard FileManager.default.createFile(atPath: path, contents: Data(text.utf8)) else {
                throw args.error("cannot write \(path)")
            }
            return .null
        }
    }
}
