import Foundation

/// The terminal graphics protocols figures can be sent in as real images.
public enum InlineImageProtocol: String, Sendable, Equatable {
    /// kitty's graphics protocol (also understood by WezTerm and Ghostty): a PNG in base64.
    case kitty
    /// DEC sixel graphics (xterm -ti vt340, mlterm, foot, and others): six-pixel bands.
    case sixel
}

/// Figures as inline images for terminals that can show them. Used only when asked for
/// with `QREPL_IMAGES=1` (detect the protocol from the terminal) or `QREPL_IMAGES=kitty`
/// / `sixel` (force one); otherwise figures are drawn with text.
public enum InlineImage {
    /// The protocol to use for `environment`, or nil for text. Detection is by the names
    /// terminals announce: kitty sets TERM=xterm-kitty and KITTY_WINDOW_ID, WezTerm and
    /// Ghostty set TERM_PROGRAM; sixel terminals usually carry "sixel" in TERM or are mlterm
    /// or foot. Inside tmux neither passes through unless forced.
    public static func requested(in environment: [String: String]) -> InlineImageProtocol? {
        let ask = (environment["QREPL_IMAGES"] ?? "").lowercased()
        if let forced = InlineImageProtocol(rawValue: ask) { return forced }
        guard ask == "1" || ask == "true" || ask == "yes" else { return nil }
        if environment["TMUX"] != nil { return nil }
        let term = (environment["TERM"] ?? "").lowercased()
        let program = (environment["TERM_PROGRAM"] ?? "").lowercased()
        if term == "xterm-kitty" || environment["KITTY_WINDOW_ID"] != nil || program == "wezterm" || program == "ghostty" {
            return .kitty
        }
        if term.contains("sixel") || term.hasPrefix("mlterm") || term.hasPrefix("foot") || term.hasPrefix("yaft") {
            return .sixel
        }
        return nil
    }

    /// Whether a figure is better sent as an image than drawn in text (tables stay text).
    public static func suits(_ figure: Figure) -> Bool {
        if case .table = figure { return false }
        return true
    }

    /// The escape sequence that shows `figure` with `method`, followed by a newline.
    public static func encode(_ figure: Figure, _ method: InlineImageProtocol) -> String {
        switch method {
        case .kitty: return kitty(png: PNGWriter.png(figure))
        case .sixel:
            let canvas = PNGWriter.raster(figure, scale: 0)
            return sixel(width: canvas.width, height: canvas.height, rgb: canvas.rgb)
        }
    }

    /// kitty's transmit-and-display command for a PNG, in chunks of at most 4096 base64
    /// characters as the protocol requires.
    public static func kitty(png: [UInt8]) -> String {
        let payload = Data(png).base64EncodedString()
        var out = ""
        var start = payload.startIndex
        var first = true
        while start < payload.endIndex {
            let end = payload.index(start, offsetBy: 4096, limitedBy: payload.endIndex) ?? payload.endIndex
            let more = end < payload.endIndex ? 1 : 0
            out += "\u{1B}_G" + (first ? "f=100,a=T,m=\(more)" : "m=\(more)") + ";" + payload[start..<end] + "\u{1B}\\"
            first = false
            start = end
        }
        return out + "\n"
    }

    /// A sixel image of row-major RGB pixels, quantised to a 6×6×6 colour cube plus 24
    /// greys (240 registers), each band of six rows written colour by colour with
    /// run-length encoding.
    public static func sixel(width: Int, height: Int, rgb: [UInt8]) -> String {
        let w = max(1, width), h = max(1, height)
        func register(_ p: Int) -> Int {
            let k = p * 3
            guard k + 2 < rgb.count else { return 0 }
            let r = Int(rgb[k]), g = Int(rgb[k + 1]), b = Int(rgb[k + 2])
            if abs(r - g) < 12 && abs(g - b) < 12 { return 216 + min(23, (r + g + b) / 3 * 24 / 256) }
            return (r * 6 / 256) * 36 + (g * 6 / 256) * 6 + (b * 6 / 256)
        }
        var index = [UInt8](repeating: 0, count: w * h)
        var used = [Bool](repeating: false, count: 240)
        for p in 0..<(w * h) { let c = register(p); index[p] = UInt8(c); used[c] = true }
        var out = "\u{1B}Pq\"1;1;\(w);\(h)"
        for c in 0..<240 where used[c] {
            let (r, g, b): (Int, Int, Int)
            if c >= 216 { let v = ((c - 216) * 100 + 50) / 24; (r, g, b) = (v, v, v) } else { (r, g, b) = (c / 36 * 20, c / 6 % 6 * 20, c % 6 * 20) }
            out += "#\(c);2;\(r);\(g);\(b)"
        }
        var band = 0
        while band * 6 < h {
            let top = band * 6
            var colours = Set<UInt8>()
            for y in top..<min(h, top + 6) { for x in 0..<w { colours.insert(index[y * w + x]) } }
            for (n, c) in colours.sorted().enumerated() {
                if n > 0 { out += "$" }
                out += "#\(c)"
                var run = 0
                var last: UInt8 = 0
                func flush() {
                    guard run > 0 else { return }
                    let ch = String(UnicodeScalar(63 + last))
                    out += run > 3 ? "!\(run)" + ch : String(repeating: ch, count: run)
                }
                for x in 0..<w {
                    var bits: UInt8 = 0
                    for dy in 0..<6 where top + dy < h && index[(top + dy) * w + x] == c { bits |= 1 << dy }
                    if run > 0 && bits == last { run += 1 } else { flush(); last = bits; run = 1 }
                }
                flush()
            }
            out += "-"
            band += 1
        }
        return out + "\u{1B}\\\n"
    }
}
