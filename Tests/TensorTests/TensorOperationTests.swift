import XCTest
import IsingCore
@testable import Learning

final class TensorOperationTests: XCTestCase {
    func testBroadcastingAddsRowVectorAndColumn() throws {
        let a = try Tensor(rows: 2, cols: 3, [1, 2, 3, 4, 5, 6])
        let row = Tensor(vector: [10, 20, 30])
        XCTAssertEqual(try Tensor.zip(a, row, +).data, [11, 22, 33, 14, 25, 36])
        let column = try Tensor(rows: 2, cols: 1, [100, 200])
        let sum = try Tensor.zip(a, column, +)
        XCTAssertEqual(sum.shape, [2, 3])
        XCTAssertEqual(sum.data, [101, 102, 103, 204, 205, 206])
        // (2, 1) against (3,) broadcasts to (2, 3): an outer sum.
        let outer = try Tensor.zip(column, row, -)
        XCTAssertEqual(outer.data, [90, 80, 70, 190, 180, 170])
    }

    func testBroadcastErrorNamesBothShapes() throws {
        let a = try Tensor(rows: 2, cols: 3, [Double](repeating: 1, count: 6))
        let b = Tensor(vector: [1, 2])
        XCTAssertThrowsError(try Tensor.zip(a, b, +)) { e in
            let m = (e as? IsingError)?.message ?? ""
            XCTAssertTrue(m.contains("(2, 3)") && m.contains("(2,)"), m)
        }
    }

    func testMatmulAgreesWithNaiveProductInBothPrecisions() throws {
        let a = try Tensor.randn([5, 7], seed: 1), b = try Tensor.randn([7, 3], seed: 2)
        for dtype in [DType.float64, .float32] {
            let c = try Tensor.matmul(a.converted(to: dtype), b.converted(to: dtype))
            XCTAssertEqual(c.shape, [5, 3])
            for i in 0..<5 {
                for j in 0..<3 {
                    var s = 0.0
                    for k in 0..<7 { s += a.data[i * 7 + k] * b.data[k * 3 + j] }
                    XCTAssertEqual(c.data[i * 3 + j], s, accuracy: dtype == .float64 ? 1e-12 : 1e-5)
                }
            }
        }
        let v = Tensor(vector: [1, 2, 3, 4, 5, 6, 7])
        let av = try Tensor.matmul(a, v)
        XCTAssertEqual(av.shape, [5])
        XCTAssertEqual(av.data[0], (0..<7).reduce(0.0) { $0 + a.data[$1] * Double($1 + 1) }, accuracy: 1e-12)
        let vb = try Tensor.matmul(v, b)
        XCTAssertEqual(vb.shape, [3])
        XCTAssertEqual(try Tensor.matmul(v, v).data, [140])
    }

    func testMatmulShapeError() throws {
        let a = try Tensor.randn([2, 3], seed: 1)
        XCTAssertThrowsError(try Tensor.matmul(a, a)) { e in
            XCTAssertEqual((e as? IsingError)?.message, "shapes (2, 3) and (2, 3) do not match for @ (3 vs 2)")
        }
    }

    func testReductionsAlongAxes() throws {
        let t = try Tensor(rows: 2, cols: 3, [1, 5, 3, 4, 2, 6])
        XCTAssertEqual(try t.reduce(.sum).data, [21])
        XCTAssertEqual(try t.reduce(.sum, axis: 0).data, [5, 7, 9])
        XCTAssertEqual(try t.reduce(.mean, axis: 1).data, [3, 4])
        XCTAssertEqual(try t.reduce(.max, axis: -1).data, [5, 6])
        XCTAssertEqual(try t.reduce(.argmax, axis: 1).data, [1, 2])
        XCTAssertEqual(try t.reduce(.argmax).data, [5])
        XCTAssertThrowsError(try t.reduce(.sum, axis: 2))
    }

    func testIndexingSlicingTransposeReshape() throws {
        let t = try Tensor(shape: [2, 3, 2], data: (0..<12).map(Double.init))
        XCTAssertEqual(try t.indexed([.at(1)]).shape, [3, 2])
        XCTAssertEqual(try t.indexed([.at(1), .at(2)]).data, [10, 11])
        XCTAssertEqual(try t.value(at: [0, 1, 1]), 3)
        XCTAssertEqual(try t.value(at: [-1, -1, -1]), 11)
        let s = try t.indexed([.all, .range(lower: 1, upper: 3, step: 1), .at(0)])
        XCTAssertEqual(s.shape, [2, 2])
        XCTAssertEqual(s.data, [2, 4, 8, 10])
        XCTAssertThrowsError(try t.indexed([.at(2)]))
        let m = try Tensor(rows: 2, cols: 3, [1, 2, 3, 4, 5, 6])
        XCTAssertEqual(m.transposed.shape, [3, 2])
        XCTAssertEqual(m.transposed.data, [1, 4, 2, 5, 3, 6])
        XCTAssertEqual(t.transposed.shape, [2, 3, 2])
        XCTAssertEqual(try t.transposed.value(at: [1, 2, 0]), try t.value(at: [0, 2, 1]))
        XCTAssertEqual(try m.reshaped([3, -1]).shape, [3, 2])
        XCTAssertThrowsError(try m.reshaped([4, -1]))
    }

    func testSeededInitialisersRepeat() throws {
        XCTAssertEqual(try Tensor.randn([3, 4], seed: 1), try Tensor.randn([3, 4], seed: 1))
        XCTAssertNotEqual(try Tensor.randn([3, 4], seed: 1), try Tensor.randn([3, 4], seed: 2))
        let u = try Tensor.rand([1000], seed: 3)
        XCTAssertTrue(u.data.allSatisfy { $0 >= 0 && $0 < 1 })
        let mean = u.data.reduce(0, +) / 1000
        XCTAssertEqual(mean, 0.5, accuracy: 0.05)   // 5 standard errors of a uniform mean
    }

    func testFloat32RoundsStoredValues() throws {
        let t = try Tensor(shape: [1], data: [0.1], dtype: .float32)
        XCTAssertEqual(t.data[0], Double(Float(0.1)))
        XCTAssertEqual(try Tensor.zip(t, Tensor(vector: [1]), +).dtype, .float64)
    }
}
