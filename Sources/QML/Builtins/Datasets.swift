import IsingCore
import Learning

extension BuiltinRegistry {
    /// Datasets and their transforms.
    static func registerDatasets(into r: inout BuiltinRegistry) {
        func wrap(_ args: Arguments, _ body: () throws -> Dataset) throws -> Value {
            .object(DatasetValue(try native(args, body)))
        }
        r.add("dataset", [.required("rows"), .optional("labels"), .optional("width")], topic: "datasets", doc: """
            A data set from a list of equally long rows of numbers, with optional labels and a picture width.
            dataset([[1, -1, 1, -1], [-1, 1, -1, 1]], labels: [0, 1], width: 2)
            """) { args in
            let rows = try args.sequence(0).enumerated().map { k, row -> [Double] in
                guard let items = try row.iterated() else { throw args.error("row \(k) must be a list of numbers") }
                return try items.map { v in
                    guard let d = v.asDouble, v.typeName != "bool" else { throw args.error("row \(k) holds \(v.typeName), expected numbers") }
                    return d
                }
            }
            let labels = args.has(1) ? try args.list(1).map { v -> Int in
                guard case .int(let i) = v else { throw args.error("labels must be integers, found \(v.typeName)") }
                return i
            } : nil
            var shape: PictureShape?
            if args.has(2) {
                let w = try args.int(2), d = rows.first?.count ?? 0
                guard w >= 1, d % w == 0 else { throw args.error("`width` must divide the \(d) values of a row") }
                shape = PictureShape(height: d / w, width: w)
            }
            return try wrap(args) { try Dataset(rows: rows, labels: labels, shape: shape, name: "dataset(...)") }
        }
        r.add("bars_and_stripes", [.required("rows"), .required("cols")], topic: "datasets", doc: """
            Every bars-and-stripes picture of rows x cols spins: 2^rows bar pictures then 2^cols stripe pictures.
            The two uniform pictures are both bars and stripes and appear twice, as seed 004 counts them (192 for 7 x 6).
            Labels are 0 for bars and 1 for stripes.
            let bas = bars_and_stripes(7, 6)   # 192 pictures of 42 spins
            """) { args in
            let rows = try args.int(0), cols = try args.int(1)
            return try wrap(args) { try Dataset.barsAndStripes(rows: rows, cols: cols) }
        }
        r.add("digits", [], topic: "datasets", doc: """
            The OptDigits test set shipped in data/: 1797 pictures of 8 x 8 grey levels 0..16 labelled 0..9.
            Seed 004's preprocessing: crop(left: 1, right: 1, bottom: 1), select(labels: [1, 2, 3, 4]) (723 pictures), binarize().
            let d = digits() |> crop(left: 1, right: 1, bottom: 1) |> select(labels: [1, 2, 3, 4]) |> binarize
            """) { args in
            try wrap(args) { try Dataset.optDigits() }
        }
        r.add("sk_data", [.required("H"), .required("count"), .optional("seed", "0"), .optional("beta", "1.0")], topic: "datasets", doc: """
            Exact samples of a small Hamiltonian's Boltzmann distribution (at most 30 variables) as a data set.
            let data = sk_data(sk(15, zeta: 2, seed: 1), 150, seed: 2)
            """) { args in
            let model = try args.hamiltonian(0)
            let count = try args.int(1)
            let seed = try args.seed(2) ?? 0
            let beta = try args.double(3, default: 1)
            return try wrap(args) {
                var d = try Dataset.exactSamples(of: model, count: count, seed: seed, beta: beta, threads: defaultThreadCount)
                d.name = "sk_data(\(model.count) variables, \(count))"
                return d
            }
        }
        r.add("load_csv", [.required("path"), .optional("label", "\"none\""), .optional("width")], topic: "datasets", doc: """
            A data set from a text file of comma-separated numbers, one row per line (a header line is skipped).
            `label:` is "none", "first", "last" or a column index; `width:` gives the picture width.
            load_csv("data/optdigits-8x8.csv", label: "last", width: 8)
            """) { args in
            let path = try args.string(0)
            var column = LabelColumn.none
            switch args.value(1) {
            case .null: break
            case .int(let i): column = .index(i)
            case .string(let s):
                switch s.value {
                case "none": column = .none
                case "first": column = .first
                case "last": column = .last
                default: throw args.error("`label` must be \"none\", \"first\", \"last\" or a column index, got \"\(s.value)\"")
                }
            case let v: throw args.error("`label` must be a string or a column index, got \(v.typeName)")
            }
            let width = args.has(2) ? try args.int(2) : nil
            return try wrap(args) {
                var d = try NumericText.load(path, labelColumn: column)
                if let width {
                    guard width >= 1, d.dimension % width == 0 else { throw IsingError("`width` must divide the \(d.dimension) values of a row") }
                    d.shape = PictureShape(height: d.dimension / width, width: width)
                }
                return d
            }
        }
        r.add("load_npy", [.required("path"), .optional("labels")], topic: "datasets", doc: """
            A data set from a NumPy .npy array of shape (n, d) or (n, rows, cols), with labels from another .npy file.
            load_npy("x.npy", labels: "y.npy")
            """) { args in
            let path = try args.string(0), labels = args.has(1) ? try args.string(1) : nil
            return try wrap(args) { try ArrayFiles.loadNpy(path, labelsPath: labels) }
        }
        r.add("load_idx", [.required("path"), .optional("labels")], topic: "datasets", doc: """
            A data set from an IDX file (MNIST's format), with labels from an IDX labels file.
            load_idx("train-images-idx3-ubyte", labels: "train-labels-idx1-ubyte")
            """) { args in
            let path = try args.string(0), labels = args.has(1) ? try args.string(1) : nil
            return try wrap(args) { try ArrayFiles.loadIDX(path, labelsPath: labels) }
        }
        r.add("binarize", [.required("data"), .optional("threshold", "midpoint")], topic: "datasets", doc: """
            Values at or above the threshold become +1, the others -1; the default threshold is the midpoint of the data's range.
            digits() |> binarize             # grey levels 0..16 thresholded at 8
            """) { args in
            let d = try args.dataset(0), t = args.has(1) ? try args.double(1) : nil
            return try wrap(args) { try d.binarized(threshold: t) }
        }
        r.add("crop", [.required("data"), .optional("left", "0"), .optional("right", "0"), .optional("bottom", "0"), .optional("top", "0")],
              topic: "datasets", doc: """
            Pictures with columns removed on the left and right and rows at the bottom and top.
            digits() |> crop(left: 1, right: 1, bottom: 1)   # 8 x 8 -> 7 rows x 6 columns
            """) { args in
            let d = try args.dataset(0)
            let l = try args.int(1, default: 0), rt = try args.int(2, default: 0), b = try args.int(3, default: 0), t = try args.int(4, default: 0)
            return try wrap(args) { try d.cropped(left: l, right: rt, top: t, bottom: b) }
        }
        r.add("select", [.required("data"), .required("labels")], topic: "datasets", doc: """
            The rows whose label is in the list, in their order.
            digits() |> select(labels: [1, 2, 3, 4])   # 723 pictures
            """) { args in
            let d = try args.dataset(0)
            let keep = try args.list(1).map { v -> Int in
                guard case .int(let i) = v else { throw args.error("labels must be integers, found \(v.typeName)") }
                return i
            }
            return try wrap(args) { try d.selecting(labels: keep) }
        }
        func classes(_ args: Arguments, _ i: Int) throws -> [Int]? {
            guard args.has(i) else { return nil }
            return try args.list(i).map { v -> Int in
                guard case .int(let k) = v else { throw args.error("classes must be integers, found \(v.typeName)") }
                return k
            }
        }
        r.add("one_hot", [.required("data"), .optional("values", "(-1, 1)"), .optional("classes")], topic: "datasets", doc: """
            The labels as one-hot rows: one column per class, the second of `values` for the row's class and the first elsewhere.
            d |> one_hot(values: (-1, 1))
            """) { args in
            let d = try args.dataset(0)
            let (off, on) = args.has(1) ? try args.pair(1) : (-1, 1)
            let c = try classes(args, 2)
            return try wrap(args) { try d.oneHot(classes: c, off: off, on: on) }
        }
        r.add("append_labels", [.required("data"), .optional("values", "(-1, 1)"), .optional("classes")], topic: "datasets", doc: """
            Each row followed by the one-hot code of its label (seed 004's 42 pixels + 4 classes); classify() uses these columns.
            d |> append_labels   # 46 columns for 7 x 6 digits of 4 classes
            """) { args in
            let d = try args.dataset(0)
            let (off, on) = args.has(1) ? try args.pair(1) : (-1, 1)
            let c = try classes(args, 2)
            return try wrap(args) { try d.appendingLabels(classes: c, off: off, on: on) }
        }
        r.add("batches", [.required("data"), .required("size"), .optional("seed")], topic: "datasets", doc: """
            The rows in consecutive batches of `size` (the last may be smaller); with a seed the rows are shuffled first.
            for b in batches(d, 200, seed: 1) { print(b.size) }
            """) { args in
            let d = try args.dataset(0), size = try args.int(1), seed = try args.seed(2)
            return .list(try native(args) { try d.batches(size: size, seed: seed) }.map { .object(DatasetValue($0)) })
        }
        r.add("corrupt", [.required("data"), .optional("salt_pepper"), .optional("block"), .optional("seed", "0"), .optional("value", "-1")],
              topic: "datasets", doc: """
            Corrupted copies of pictures that remember which pixels were changed (`.mask`), for reconstruction.
            `salt_pepper: f` replaces round(f x pixels) random pixels of each picture by random +-1 values;
            `block: (rows, cols)` sets a block at a random position to `value` (-1, black).
            test |> corrupt(block: (5, 4), seed: 3)
            """) { args in
            let d = try args.dataset(0), seed = try args.seed(3) ?? 0
            switch (args.has(1), args.has(2)) {
            case (true, false):
                let f = try args.double(1)
                return try wrap(args) { try d.corruptedSaltPepper(fraction: f, seed: seed) }
            case (false, true):
                let (h, w) = try args.pair(2)
                guard let bh = Int(exactly: h), let bw = Int(exactly: w) else { throw args.error("`block` must be two integers (rows, cols)") }
                let value = try args.double(4, default: -1)
                return try wrap(args) { try d.corruptedBlock(rows: bh, cols: bw, value: value, seed: seed) }
            default:
                throw args.error("give exactly one of `salt_pepper:` and `block:`", hint: "corrupt(data, salt_pepper: 0.5, seed: 1) or corrupt(data, block: (5, 4), seed: 1)")
            }
        }
        registerDatasetOverloads(into: &r)
    }

    /// `shuffle` and `split` also take data sets; other arguments go to the list and
    /// string versions registered before.
    static func registerDatasetOverloads(into r: inout BuiltinRegistry) {
        let previousShuffle = r.builtins.last { $0.name == "shuffle" }
        let previousSplit = r.builtins.last { $0.name == "split" }
        r.add("shuffle", [.required("xs"), .optional("seed")], topic: "random", doc: """
            A new list (or data set) with the elements (rows) in random order (Fisher-Yates); the same seed gives the same order.
            shuffle([1, 2, 3, 4], seed: 5); shuffle(bars_and_stripes(7, 6), seed: 1)
            """) { args in
            if args.isDataset(0) {
                let d = try args.dataset(0), seed = try args.seed(1) ?? 0
                return .object(DatasetValue(try native(args) { try d.shuffled(seed: seed) }))
            }
            guard let previousShuffle else { throw args.error("`xs` must be a list or a Dataset") }
            var keywords: [(String, Span?, Value)] = []
            if args.has(1) { keywords.append(("seed", nil, args.value(1))) }
            return try args.interpreter.call(.builtin(previousShuffle), [args.value(0)], keywords: keywords)
        }
        r.add("split", [.required("s"), .optional("sep"), .optional("seed")], topic: "strings", doc: """
            The pieces of a string between separators (whitespace without `sep`); for a data set, (first, rest) at a fraction.
            split("a,b,c", ",")    # ["a", "b", "c"]
            let (train, test) = split(bars_and_stripes(7, 6), 0.5, seed: 1)   # shuffled, then 96 and 96
            """) { args in
            if args.isDataset(0) {
                let d = try args.dataset(0)
                guard args.has(1) else { throw args.error("give the fraction of rows in the first part, e.g. split(data, 0.5)") }
                let f = try args.double(1), seed = try args.seed(2)
                let (a, b) = try native(args) { try d.split(fraction: f, seed: seed) }
                return .tuple([.object(DatasetValue(a)), .object(DatasetValue(b))])
            }
            guard let previousSplit else { throw args.error("`s` must be a string or a Dataset") }
            if args.has(2) { throw args.error("`seed` is only for splitting data sets") }
            return try args.interpreter.call(.builtin(previousSplit), args.has(1) ? [args.value(0), args.value(1)] : [args.value(0)])
        }
    }
}
