import IsingCore
import XCTest
@testable import Learning

/// Counts and determinism of the data sets and their transforms.
final class DatasetTests: XCTestCase {
    /// Seed 004: "a 7×6 BAS dataset consisting of 192 pictures"; 190 of them distinct
    /// (the two uniform pictures are both a bar and a stripe pattern).
    func testBarsAndStripesCountsAsThePaper() throws {
        let bas = try Dataset.barsAndStripes(rows: 7, cols: 6)
        XCTAssertEqual(bas.count, 192)
        XCTAssertEqual(bas.dimension, 42)
        XCTAssertEqual(bas.shape, PictureShape(height: 7, width: 6))
        XCTAssertTrue(bas.isSpins)
        let distinct = Set((0..<bas.count).map { Array(bas.row($0)) })
        XCTAssertEqual(distinct.count, 190)
        // Every picture is constant along rows (bars) or along columns (stripes).
        for r in 0..<bas.count {
            let p = Array(bas.row(r))
            let bars = (0..<7).allSatisfy { y in (0..<6).allSatisfy { p[y * 6 + $0] == p[y * 6] } }
            let stripes = (0..<6).allSatisfy { x in (0..<7).allSatisfy { p[$0 * 6 + x] == p[x] } }
            XCTAssertTrue(bars || stripes)
        }
    }

    /// Seed 004: 723 test pictures of the digits 1–4, cropped to 7 × 6 (42 variables).
    func testOptDigitsPreprocessingGivesThePapersCounts() throws {
        let all = try Dataset.optDigits()
        XCTAssertEqual(all.count, 1797)
        XCTAssertEqual(all.dimension, 64)
        let d = try all.cropped(left: 1, right: 1, top: 0, bottom: 1).selecting(labels: [1, 2, 3, 4]).binarized()
        XCTAssertEqual(d.count, 723)
        XCTAssertEqual(d.dimension, 42)
        XCTAssertEqual(d.shape, PictureShape(height: 7, width: 6))
        XCTAssertTrue(d.isSpins)
        let counts = Dictionary(grouping: d.labels ?? [], by: { $0 }).mapValues(\.count)
        XCTAssertEqual(counts, [1: 182, 2: 177, 3: 183, 4: 181])
        let withLabels = try d.appendingLabels()
        XCTAssertEqual(withLabels.dimension, 46)
        XCTAssertEqual(withLabels.classColumns, [1, 2, 3, 4])
        // The first picture is a 1 (label 1): its one-hot code is + - - -.
        let first = withLabels.labels?.first ?? 0
        let code = Array(withLabels.row(0).suffix(4))
        XCTAssertEqual(code, [1, 2, 3, 4].map { $0 == first ? 1 : -1 })
    }

    func testCropKeepsTheRightPixels() throws {
        let d = try Dataset(rows: [(0..<12).map(Double.init)], shape: PictureShape(height: 3, width: 4))
        let c = try d.cropped(left: 1, right: 1, top: 0, bottom: 1)
        XCTAssertEqual(Array(c.row(0)), [1, 2, 5, 6])
        XCTAssertEqual(c.shape, PictureShape(height: 2, width: 2))
    }

    func testSaltAndPepperMasksHaveTheStatedSize() throws {
        let bas = try Dataset.barsAndStripes(rows: 7, cols: 6)
        let c = try bas.corruptedSaltPepper(fraction: 0.5, seed: 3)
        let mask = try XCTUnwrap(c.mask)
        for r in 0..<c.count {
            XCTAssertEqual(mask[(r * 42)..<((r + 1) * 42)].filter { $0 }.count, 21)
            for k in 0..<42 where !mask[r * 42 + k] { XCTAssertEqual(c.values[r * 42 + k], bas.values[r * 42 + k]) }
        }
        XCTAssertEqual(try bas.corruptedSaltPepper(fraction: 0.5, seed: 3), c)
    }

    func testBlockMasksAreContiguousFiveByFour() throws {
        let bas = try Dataset.barsAndStripes(rows: 7, cols: 6)
        let c = try bas.corruptedBlock(rows: 5, cols: 4, seed: 1)
        let mask = try XCTUnwrap(c.mask)
        for r in 0..<c.count {
            let cells = (0..<42).filter { mask[r * 42 + $0] }
            XCTAssertEqual(cells.count, 20)   // 47.6 % of 42, as in seed 004
            let ys = Set(cells.map { $0 / 6 }), xs = Set(cells.map { $0 % 6 })
            XCTAssertEqual(ys.count, 5)
            XCTAssertEqual(xs.count, 4)
            XCTAssertEqual((ys.max() ?? 0) - (ys.min() ?? 0), 4)
            for k in cells { XCTAssertEqual(c.values[r * 42 + k], -1) }
        }
    }

    func testShuffleAndSplitAreDeterministicPartitions() throws {
        let bas = try Dataset.barsAndStripes(rows: 7, cols: 6)
        let (a, b) = try bas.split(fraction: 0.5, seed: 11)
        let (a2, b2) = try bas.split(fraction: 0.5, seed: 11)
        XCTAssertEqual(a, a2)
        XCTAssertEqual(b, b2)
        XCTAssertEqual(a.count, 96)
        XCTAssertEqual(b.count, 96)
        let (c, _) = try bas.split(fraction: 0.5, seed: 12)
        XCTAssertNotEqual(a, c)
        // The two parts hold every picture exactly once.
        func multiset(_ d: Dataset) -> [[Double]: Int] {
            var m: [[Double]: Int] = [:]
            for r in 0..<d.count { m[Array(d.row(r)), default: 0] += 1 }
            return m
        }
        XCTAssertEqual(multiset(try Dataset.concatenate([a, b])), multiset(bas))
        let s1 = try bas.shuffled(seed: 5), s2 = try bas.shuffled(seed: 5)
        XCTAssertEqual(s1, s2)
        XCTAssertNotEqual(s1, bas)
        let batches = try bas.batches(size: 50, seed: 2)
        XCTAssertEqual(batches.map(\.count), [50, 50, 50, 42])
    }

    func testIDXFilesDecode() throws {
        // Two 2 x 3 pictures of unsigned bytes, then labels.
        let images: [UInt8] = [0, 0, 0x08, 3, 0, 0, 0, 2, 0, 0, 0, 2, 0, 0, 0, 3] + [0, 1, 2, 3, 4, 5, 250, 251, 252, 253, 254, 255]
        let (shape, values) = try ArrayFiles.decodeIDX(images, name: "images")
        XCTAssertEqual(shape, [2, 2, 3])
        XCTAssertEqual(values, [0, 1, 2, 3, 4, 5, 250, 251, 252, 253, 254, 255])
        let d = try ArrayFiles.dataset(shape: shape, values: values, labels: [7, 1], name: "images")
        XCTAssertEqual(d.shape, PictureShape(height: 2, width: 3))
        XCTAssertEqual(d.labels, [7, 1])
        XCTAssertThrowsError(try ArrayFiles.decodeIDX([0, 0, 0x08, 1, 0, 0, 0, 9, 1, 2], name: "short"))
    }

    func testNumericTextSkipsAHeaderAndReadsLabels() throws {
        let d = try NumericText.parse("a,b,label\n1,2,3\n4,5,6\n", name: "t", labelColumn: .last)
        XCTAssertEqual(d.values, [1, 2, 4, 5])
        XCTAssertEqual(d.labels, [3, 6])
        XCTAssertThrowsError(try NumericText.parse("1,2\n3\n", name: "t"))
    }
}
