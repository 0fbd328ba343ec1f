# draw shows hardware graphs cell by cell and other graphs on a circle
let d = draw(dead_qubits(chimera(2), 2, seed: 5))
print(repr(d))                             # expect: Figure(drawing of 32 nodes)
print(d)
# expect: ││││ │×││
# expect: ──── ────
# expect:
# expect: │││× ││││
# expect: ──── ────
# expect: chimera(2): 30 qubits, 70 couplers, 2 dead
print(contains(d.svg, "class=\"dead\""))   # expect: true
save(draw(pegasus(2), title: "P2"), "/tmp/qrepl-golden-hw.svg")
print(starts_with(read_text("/tmp/qrepl-golden-hw.svg"), "<?xml"))   # expect: true
print(repr(draw(cycle(5))))                # expect: Figure(drawing of 5 nodes)
print(try { draw(3) } catch e { e.message })   # expect: draw: `x` must be a graph or an embedding, got int
