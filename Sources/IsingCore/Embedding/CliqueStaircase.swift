/// Native clique layouts on a grid of lines, found by dynamic programming over staircases
/// of rectangles.
///
/// A layout of width W is a sequence of rectangles R_0 … R_{W−1} of the grid, R_i with
/// i + 1 rows and W − i columns: each adds one row (above or below) to the one before and
/// drops one column (left or right). Chain i uses a horizontal line in the row R_i added,
/// cut to R_i's columns, and a vertical line in the column R_{i+1} drops, cut to R_i's
/// rows; the two cross in R_i. For i < j, R_i's rows lie in R_j's and R_j's columns in
/// R_i's, so chain i's horizontal part crosses chain j's vertical part: the chains form a
/// clique. Rows and columns holding several lines give several chains per step (any
/// horizontal line of a step crosses any vertical one of it).
///
/// For a width and a bound L on the qubits per chain, the staircase with the most whole
/// chains (then the most damaged ones, when asked) is found exactly; chains longer than L
/// are not counted.
struct CliqueStaircase {
    let lines: CliqueLines

    /// One step of a staircase: the row and column its chains use and its rectangle.
    struct Step: Equatable {
        var row: Int
        var col: Int
        var rows: ClosedRange<Int>
        var cols: ClosedRange<Int>
    }

    /// The best staircase of one width: its steps and how many whole and damaged chains they give.
    struct Layout {
        var steps: [Step]
        var whole: Int
        var damaged: Int
    }

    /// A chain of a layout: its target nodes (present ones only), its qubit count in the
    /// lattice, and how many of its qubits are dead (0 for a whole chain).
    struct Chain {
        var nodes: [Int]
        var length: Int
        var dead: Int
    }

    /// In scores, a whole chain outweighs any number of damaged ones, and a damaged one
    /// any saving in length: score = whole · 2³⁶ + damaged · 2²⁴ − qubits of whole chains.
    private static let wholeWeight: Int64 = 1 << 36
    private static let damagedWeight: Int64 = 1 << 24

    /// The segments of the lines of one row (or column) over one span.
    private struct Segments {
        var length: [Int32] = []
        var state: [UInt8] = []
    }

    /// The best staircase of width W with chains of at most L qubits inside `window` (rows
    /// and columns of the grid; the whole grid when nil); damaged chains are counted (after
    /// whole ones) when `damaged` is set. Nil when W does not fit.
    func best(width W: Int, maxLength L: Int, damaged: Bool,
              window: (rows: ClosedRange<Int>, cols: ClosedRange<Int>)? = nil) -> Layout? {
        let rows = window?.rows ?? 0...(lines.rows - 1), cols = window?.cols ?? 0...(lines.cols - 1)
        let R = rows.count, C = cols.count
        guard W >= 1, W <= R, W <= C, rows.lowerBound >= 0, cols.lowerBound >= 0,
              rows.upperBound < lines.rows, cols.upperBound < lines.cols else { return nil }
        let bundle = max(1, lines.bundle)
        var previous: [Int64] = []
        var choices: [[UInt8]] = []
        choices.reserveCapacity(W)
        var h = Segments(), v = Segments()
        var scratch = PairScratch(capacity: bundle)
        for i in 0..<W {
            let height = i + 1, w = W - i
            let ny = R - height + 1, nx = C - w + 1
            lines.fillSegments(horizontal: true, coordinates: rows, first: cols.lowerBound, positions: nx, width: w, bundle: bundle,
                               byPosition: false, length: &h.length, state: &h.state)
            lines.fillSegments(horizontal: false, coordinates: cols, first: rows.lowerBound, positions: ny, width: height, bundle: bundle,
                               byPosition: true, length: &v.length, state: &v.state)
            var current = [Int64](repeating: -1, count: ny * nx * 2)
            var choice = [UInt8](repeating: 0, count: ny * nx * 2)
            let pnx = nx - 1
            let sides = w == 1 ? 1 : 2
            h.length.withUnsafeBufferPointer { hLen in
            h.state.withUnsafeBufferPointer { hState in
            v.length.withUnsafeBufferPointer { vLen in
            v.state.withUnsafeBufferPointer { vState in
            previous.withUnsafeBufferPointer { before in
            current.withUnsafeMutableBufferPointer { now in
            choice.withUnsafeMutableBufferPointer { chosen in
                let table = ScoreTables(hLen: hLen, hState: hState, vLen: vLen, vState: vState, nx: nx, cols: C, bundle: bundle,
                                        L: L, damaged: damaged)
                for y in 0..<ny {
                    for x in 0..<nx {
                        for s in 0..<sides {
                            let c = s == 0 ? x : x + w - 1
                            let slot = (y * nx + x) * 2 + s
                            if i == 0 {
                                now[slot] = table.score(row: y, x: x, col: c, y: y, &scratch)
                                continue
                            }
                            var best: Int64 = -1
                            var bestChoice: UInt8 = 0
                            for bottom in 0..<2 {
                                let py = bottom == 0 ? y + 1 : y
                                var prior: Int64 = -1
                                var side: UInt8 = 0
                                if x >= 1 { prior = before[(py * pnx + x - 1) * 2] }
                                if x < pnx, before[(py * pnx + x) * 2 + 1] > prior { prior = before[(py * pnx + x) * 2 + 1]; side = 1 }
                                guard prior >= 0 else { continue }
                                let total = prior + table.score(row: bottom == 0 ? y : y + height - 1, x: x, col: c, y: y, &scratch)
                                if total > best { best = total; bestChoice = UInt8(bottom) | side << 1 }
                            }
                            now[slot] = best
                            chosen[slot] = bestChoice
                        }
                    }
                }
            } } } } } } }
            previous = current
            choices.append(choice)
        }
        // The last rectangle has one column; find the best one and walk back.
        var bestSlot = -1
        var bestScore: Int64 = -1
        for slot in stride(from: 0, to: previous.count, by: 2) where previous[slot] > bestScore {
            bestScore = previous[slot]; bestSlot = slot
        }
        guard bestSlot >= 0 else { return nil }
        var y = bestSlot / 2 / C, x = bestSlot / 2 % C, s = 0
        var steps: [Step] = []
        for i in stride(from: W - 1, through: 0, by: -1) {
            let height = i + 1, w = W - i
            let nx = C - w + 1
            let c = s == 0 ? x : x + w - 1
            let ch = choices[i][(y * nx + x) * 2 + s]
            let bottom = i > 0 && ch & 1 == 1
            let r = i == 0 ? y : (bottom ? y + height - 1 : y)
            let (r0, c0) = (rows.lowerBound, cols.lowerBound)
            steps.append(Step(row: r0 + r, col: c0 + c, rows: (r0 + y)...(r0 + y + height - 1), cols: (c0 + x)...(c0 + x + w - 1)))
            if i > 0 {
                let side = Int(ch >> 1)
                if !bottom { y += 1 }
                if side == 0 { x -= 1 }
                s = side
            }
        }
        steps.reverse()
        // Round up: the qubits of whole chains were subtracted.
        let rounded = bestScore + CliqueStaircase.damagedWeight - 1
        let whole = Int(rounded / CliqueStaircase.wholeWeight)
        let broken = Int(rounded % CliqueStaircase.wholeWeight / CliqueStaircase.damagedWeight)
        return Layout(steps: steps, whole: whole, damaged: broken)
    }

    /// The chains of a layout, step by step: whole ones (at most L qubits), then, when
    /// `damaged` is set, damaged ones made of the present qubits of their segments.
    func chains(of layout: Layout, maxLength L: Int, damaged: Bool) -> (whole: [Chain], damaged: [Chain]) {
        var whole: [Chain] = [], broken: [Chain] = []
        for step in layout.steps {
            let hs = lines.rowLines[step.row].map { ($0, lines.segment($0, step.cols.lowerBound, step.cols.upperBound)) }
            let vs = lines.colLines[step.col].map { ($0, lines.segment($0, step.rows.lowerBound, step.rows.upperBound)) }
            let wholeH = hs.filter { $0.1.state == 0 }.sorted { $0.1.length < $1.1.length }
            let wholeV = vs.filter { $0.1.state == 0 }.sorted { $0.1.length < $1.1.length }
            let (pairs, restH, restV) = CliqueStaircase.pairUp(wholeH, wholeV, L: L)
            for (a, b) in pairs { whole.append(chain(a, b)) }
            guard damaged else { continue }
            let usableH = (restH + hs.filter { $0.1.state == 1 }).sorted { $0.1.length < $1.1.length }
            let usableV = (restV + vs.filter { $0.1.state == 1 }).sorted { $0.1.length < $1.1.length }
            for (a, b) in CliqueStaircase.pairUp(usableH, usableV, L: L).pairs { broken.append(chain(a, b)) }
        }
        return (whole, broken)
    }

    private typealias Piece = (line: Int, segment: (first: Int, length: Int, state: Int))

    /// The chain of a horizontal and a vertical segment.
    private func chain(_ a: Piece, _ b: Piece) -> Chain {
        let nodes = lines.presentQubits(a.line, first: a.segment.first, length: a.segment.length)
            + lines.presentQubits(b.line, first: b.segment.first, length: b.segment.length)
        let length = a.segment.length + b.segment.length
        return Chain(nodes: nodes, length: length, dead: length - nodes.count)
    }

    /// The most pairs (one piece from each list, both sorted by length) of at most L
    /// qubits together: the shortest remaining horizontal piece with the longest vertical
    /// one that still fits. Also returns the pieces left over.
    private static func pairUp(_ h: [Piece], _ v: [Piece], L: Int) -> (pairs: [(Piece, Piece)], restH: [Piece], restV: [Piece]) {
        var pairs: [(Piece, Piece)] = []
        var usedH = [Bool](repeating: false, count: h.count), usedV = [Bool](repeating: false, count: v.count)
        var i = 0, j = v.count - 1
        while i < h.count, j >= 0 {
            if h[i].segment.length + v[j].segment.length <= L {
                pairs.append((h[i], v[j])); usedH[i] = true; usedV[j] = true; i += 1
            }
            j -= 1
        }
        return (pairs, h.indices.filter { !usedH[$0] }.map { h[$0] }, v.indices.filter { !usedV[$0] }.map { v[$0] })
    }

    /// Working space for scoring one step's chains.
    private struct PairScratch {
        var h: [Int32], v: [Int32], hRest: [Int32], vRest: [Int32]
        init(capacity: Int) {
            h = [Int32](repeating: 0, count: capacity); v = h; hRest = h; vRest = h
        }
    }

    /// One step's segment tables, for scoring its chains.
    private struct ScoreTables {
        let hLen: UnsafeBufferPointer<Int32>, hState: UnsafeBufferPointer<UInt8>
        let vLen: UnsafeBufferPointer<Int32>, vState: UnsafeBufferPointer<UInt8>
        let nx: Int, cols: Int, bundle: Int, L: Int, damaged: Bool

        /// The score of the chains of row `row` over columns x… and column `col` over rows
        /// y…: whole chains times the whole weight, plus damaged chains when asked.
        @inline(__always)
        func score(row: Int, x: Int, col: Int, y: Int, _ scratch: inout PairScratch) -> Int64 {
            let ho = (row * nx + x) * bundle, vo = (y * cols + col) * bundle
            if bundle == 1 {
                let hs = hState[ho], vs = vState[vo]
                let length = Int(hLen[ho] + vLen[vo])
                guard hs < 2, vs < 2, length <= L else { return 0 }
                if hs == 0 && vs == 0 { return CliqueStaircase.wholeWeight - Int64(length) }
                return damaged ? CliqueStaircase.damagedWeight : 0
            }
            return pairs(ho, vo, &scratch)
        }

        /// The score of a step with several lines per row and column.
        private func pairs(_ ho: Int, _ vo: Int, _ scratch: inout PairScratch) -> Int64 {
            var nh = 0, nv = 0, rh = 0, rv = 0
            for k in 0..<bundle {
                let s = hState[ho + k]
                if s == 0 { scratch.h[nh] = hLen[ho + k]; nh += 1 } else if s == 1 { scratch.hRest[rh] = hLen[ho + k]; rh += 1 }
                let t = vState[vo + k]
                if t == 0 { scratch.v[nv] = vLen[vo + k]; nv += 1 } else if t == 1 { scratch.vRest[rv] = vLen[vo + k]; rv += 1 }
            }
            CliqueStaircase.sortPrefix(&scratch.h, nh)
            CliqueStaircase.sortPrefix(&scratch.v, nv)
            // Whole pairs: the shortest horizontal piece with the longest vertical one that fits.
            var whole: Int64 = 0
            var i = 0, j = nv - 1
            while i < nh, j >= 0 {
                let length = Int64(scratch.h[i] + scratch.v[j])
                if length <= Int64(L) { whole += CliqueStaircase.wholeWeight - length; i += 1 } else { scratch.vRest[rv] = scratch.v[j]; rv += 1 }
                j -= 1
            }
            guard damaged else { return whole }
            // Damaged pairs from what is left: whole pieces not paired, and damaged ones.
            while i < nh { scratch.hRest[rh] = scratch.h[i]; rh += 1; i += 1 }
            while j >= 0 { scratch.vRest[rv] = scratch.v[j]; rv += 1; j -= 1 }
            CliqueStaircase.sortPrefix(&scratch.hRest, rh)
            CliqueStaircase.sortPrefix(&scratch.vRest, rv)
            var broken: Int64 = 0
            i = 0; j = rv - 1
            while i < rh, j >= 0 {
                if Int(scratch.hRest[i] + scratch.vRest[j]) <= L { broken += 1; i += 1 }
                j -= 1
            }
            return whole + broken * CliqueStaircase.damagedWeight
        }
    }

    /// Sorts the first n entries ascending (insertion sort: n is a bundle, at most a few dozen).
    @inline(__always)
    private static func sortPrefix(_ a: inout [Int32], _ n: Int) {
        guard n > 1 else { return }
        for i in 1..<n {
            let x = a[i]
            var j = i - 1
            while j >= 0, a[j] > x { a[j + 1] = a[j]; j -= 1 }
            a[j + 1] = x
        }
    }
}
