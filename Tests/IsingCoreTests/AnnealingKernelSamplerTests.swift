import XCTest
@testable import IsingCore

/// The pieces of the annealing kernel: the vector exponential and the lane generator.
final class AnnealingKernelSamplerTests: XCTestCase {
    /// expLanes over the whole range it is used on, against Foundation's exp. The error
    /// is dominated by rounding x·log2(e) to Float (at |x| ≈ 87 its ulp is 7.6e-6 of a
    /// unit of the exponent, 5e-6 relative); near 0, where most acceptance decisions are
    /// made, it is at the polynomial's 2e-7.
    func testVectorExponentialIsAccurate() {
        var worst: Float = 0
        var x: Float = -87
        while x <= 87 {
            var v = FloatLanes()
            for lane in 0..<16 { v[lane] = x + Float(lane) * 0.0007 }
            let e = expLanes(v)
            for lane in 0..<16 {
                let exact = Foundation.exp(Double(v[lane]))
                worst = max(worst, Float(abs(Double(e[lane]) - exact) / exact))
            }
            x += 0.0113
        }
        XCTAssertLessThan(worst, 1e-5)
        var nearZero: Float = 0
        for k in 0...2000 {
            let x = -Float(k) * 0.005
            let e = expLanes(FloatLanes(repeating: x))[0]
            nearZero = max(nearZero, Float(abs(Double(e) - Foundation.exp(Double(x))) / Foundation.exp(Double(x))))
        }
        XCTAssertLessThan(nearZero, 1e-6)
    }

    /// Lane uniforms lie strictly inside (0, 1), have mean ½ and variance 1/12 in every
    /// lane, and lanes seeded differently differ.
    func testLaneUniforms() {
        var generators = (0..<16).map { Xoshiro256(seed: UInt64($0)) }
        var random = LaneRandom(&generators)
        let draws = 50_000
        var sum = FloatLanes(), squares = FloatLanes()
        var first: [Float] = []
        for k in 0..<draws {
            let u = random.uniform()
            if k == 0 { first = (0..<16).map { u[$0] } }
            XCTAssertTrue(all(u .> 0) && all(u .< 1))
            sum += u
            squares += u * u
        }
        for lane in 0..<16 {
            let mean = Double(sum[lane]) / Double(draws)
            XCTAssertEqual(mean, 0.5, accuracy: 6 * 0.2887 / Double(draws).squareRoot())
            XCTAssertEqual(Double(squares[lane]) / Double(draws) - mean * mean, 1.0 / 12, accuracy: 0.003)
        }
        XCTAssertEqual(Set(first).count, 16)
    }
}
