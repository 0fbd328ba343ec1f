import Foundation
import XCTest
@testable import Display

/// Inline images: when they are used, and that the kitty and sixel encodings carry the
/// figure's pixels (the sixel stream is decoded back here and compared pixel by pixel).
final class InlineImageTests: XCTestCase {
    func testDetectionNeedsTheRequestAndAKnownTerminal() {
        XCTAssertNil(InlineImage.requested(in: ["TERM": "xterm-kitty"]))
        XCTAssertEqual(InlineImage.requested(in: ["QREPL_IMAGES": "1", "TERM": "xterm-kitty"]), .kitty)
        XCTAssertEqual(InlineImage.requested(in: ["QREPL_IMAGES": "1", "TERM_PROGRAM": "WezTerm"]), .kitty)
        XCTAssertEqual(InlineImage.requested(in: ["QREPL_IMAGES": "1", "TERM": "foot"]), .sixel)
        XCTAssertNil(InlineImage.requested(in: ["QREPL_IMAGES": "1", "TERM": "xterm-256color"]))
        XCTAssertNil(InlineImage.requested(in: ["QREPL_IMAGES": "1", "TERM": "xterm-kitty", "TMUX": "/tmp/x"]))
        XCTAssertEqual(InlineImage.requested(in: ["QREPL_IMAGES": "sixel", "TMUX": "/tmp/x"]), .sixel)
    }

    func testKittyChunksDecodeToThePNG() throws {
        let figure = Figure.pictures(PictureGrid(pictures: (0..<12).map { k in
            Picture(width: 8, height: 8, pixels: (0..<64).map { Double(($0 + k) % 7) / 6 })
        }, cols: 4))
        let png = PNGWriter.png(figure)
        let text = InlineImage.kitty(png: png)
        var payload = ""
        var chunks = 0
        for part in text.components(separatedBy: "\u{1B}_G").dropFirst() {
            guard let semicolon = part.firstIndex(of: ";"), let end = part.range(of: "\u{1B}\\") else { return XCTFail("bad chunk") }
            let control = part[..<semicolon]
            let data = part[part.index(after: semicolon)..<end.lowerBound]
            XCTAssertLessThanOrEqual(data.count, 4096)
            XCTAssertEqual(control.hasPrefix("f=100,a=T"), chunks == 0)
            payload += data
            chunks += 1
        }
        XCTAssertGreaterThan(chunks, 0)
        XCTAssertTrue(text.contains(chunks == 1 ? "m=0;" : "m=1;"))
        XCTAssertEqual(Data(base64Encoded: payload).map { [UInt8]($0) }, png)
    }

    /// Decodes a sixel stream (registers, `!` repeats, `$` and `-`) into register indices.
    private func decodeSixel(_ text: String, width: Int, height: Int) -> (pixels: [Int], palette: [Int: (Int, Int, Int)]) {
        var pixels = [Int](repeating: -1, count: width * height)
        var palette: [Int: (Int, Int, Int)] = [:]
        let scalars = Array(text.unicodeScalars)
        var i = scalars.firstIndex(of: "q").map { $0 + 1 } ?? 0
        func number() -> Int {
            var n = 0
            while i < scalars.count, let d = Int(String(scalars[i])) { n = n * 10 + d; i += 1 }
            return n
        }
        var x = 0, band = 0, colour = 0
        while i < scalars.count {
            let c = scalars[i]
            switch c {
            case "\"": i += 1; _ = number(); i += 1; _ = number(); i += 1; _ = number(); i += 1; _ = number()
            case "#":
                i += 1
                colour = number()
                if i < scalars.count, scalars[i] == ";" {
                    i += 1; _ = number(); i += 1
                    let r = number(); i += 1
                    let g = number(); i += 1
                    let b = number()
                    palette[colour] = (r, g, b)
                }
            case "$": x = 0; i += 1
            case "-": x = 0; band += 1; i += 1
            case "!":
                i += 1
                let n = number()
                let bits = Int(scalars[i].value) - 63
                for _ in 0..<n { paint(bits) }
                i += 1
            case "\u{1B}": i = scalars.count
            default:
                paint(Int(c.value) - 63)
                i += 1
            }
        }
        func paint(_ bits: Int) {
            for dy in 0..<6 where bits & (1 << dy) != 0 {
                let y = band * 6 + dy
                if y < height, x < width { pixels[y * width + x] = colour }
            }
            x += 1
        }
        return (pixels, palette)
    }

    func testSixelCarriesEveryPixel() {
        let w = 13, h = 11
        var rgb: [UInt8] = []
        for p in 0..<(w * h) { rgb += [UInt8(p * 37 % 256), UInt8(p * 11 % 256), p % 5 == 0 ? 200 : 10] }
        let text = InlineImage.sixel(width: w, height: h, rgb: rgb)
        XCTAssertTrue(text.hasPrefix("\u{1B}Pq\"1;1;13;11"))
        let (pixels, palette) = decodeSixel(text, width: w, height: h)
        for p in 0..<(w * h) {
            guard let (r, g, b) = palette[pixels[p]] else { return XCTFail("pixel \(p) has no colour") }
            // Each channel is within one quantisation step (20 %) of the original.
            XCTAssertEqual(Double(r), Double(rgb[p * 3]) / 2.55, accuracy: 21)
            XCTAssertEqual(Double(g), Double(rgb[p * 3 + 1]) / 2.55, accuracy: 21)
            XCTAssertEqual(Double(b), Double(rgb[p * 3 + 2]) / 2.55, accuracy: 21)
        }
    }

    func testTablesStayText() {
        var caps = TerminalCapabilities(width: 80, colour: .ansi256)
        caps.images = .kitty
        let table = Figure.table(Table(columns: ["a"], rows: [["1"]]))
        XCTAssertFalse(TerminalRenderer.render(table, caps).contains("\u{1B}_G"))
        let plot = Figure.plot(LinePlot(series: [Series(name: nil, xs: [0, 1], ys: [1, 2], style: .line)]))
        XCTAssertTrue(TerminalRenderer.render(plot, caps).hasPrefix("\u{1B}_Gf=100"))
    }
}
