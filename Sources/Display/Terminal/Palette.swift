// Colours of the terminal renderer: one per series, the highlight for masked pixels, and
// the sequential and diverging maps of heat maps.

extension TerminalRenderer {
    /// Series colours, in order (the "tab10" colours).
    static let seriesColours: [Paint] = [
        .rgb(31, 119, 180), .rgb(255, 127, 14), .rgb(44, 160, 44), .rgb(214, 39, 40),
        .rgb(148, 103, 189), .rgb(140, 86, 75), .rgb(227, 119, 194), .rgb(127, 127, 127),
        .rgb(188, 189, 34), .rgb(23, 190, 207),
    ]

    /// The colour of series number `i` (cycling).
    static func seriesColour(_ i: Int) -> Paint {
        seriesColours[((i % seriesColours.count) + seriesColours.count) % seriesColours.count]
    }

    /// ASCII markers of the series, in order (cycling).
    static let asciiMarkers: [Character] = ["*", "o", "+", "x", "#", "@", "%", "&"]

    /// The colour of masked pixels.
    static let highlight = Paint.rgb(255, 0, 0)

    /// A perceptually ordered dark-to-bright map (viridis anchors).
    private static let sequentialAnchors: [(Double, Double, Double)] = [
        (68, 1, 84), (59, 82, 139), (33, 145, 140), (94, 201, 98), (253, 231, 37),
    ]

    /// Blue through white to red.
    private static let divergingAnchors: [(Double, Double, Double)] = [
        (33, 102, 172), (103, 169, 207), (247, 247, 247), (239, 138, 98), (178, 24, 43),
    ]

    /// The 256-colour versions of the maps, chosen by hand for even steps of lightness.
    private static let sequential256: [UInt8] = [53, 54, 61, 31, 36, 72, 78, 113, 149, 184, 220, 226]
    private static let diverging256: [UInt8] = [18, 25, 32, 74, 153, 189, 231, 224, 217, 210, 203, 160, 88]

    /// The colour at `t` in 0...1 of the sequential or diverging map.
    static func mapColour(_ t: Double, diverging: Bool) -> Paint {
        let anchors = diverging ? divergingAnchors : sequentialAnchors
        let ramp = diverging ? diverging256 : sequential256
        let t = t.isFinite ? min(1, max(0, t)) : 0.5
        let index = ramp[min(ramp.count - 1, Int(t * Double(ramp.count)))]
        let x = t * Double(anchors.count - 1)
        let i = min(anchors.count - 2, Int(x))
        let f = x - Double(i)
        let (a, b) = (anchors[i], anchors[i + 1])
        func mix(_ p: Double, _ q: Double) -> UInt8 { UInt8(min(255, max(0, (p + (q - p) * f).rounded()))) }
        return .mapped(mix(a.0, b.0), mix(a.1, b.1), mix(a.2, b.2), xterm: index)
    }

    /// The grey of intensity `v` in 0...1.
    static func greyPaint(_ v: Double) -> Paint {
        .grey(UInt8(min(255, max(0, (v * 255).rounded()))))
    }
}
