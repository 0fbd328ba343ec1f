# \u{hex} inserts a Unicode scalar
print("\u{41}\u{42}")  # expect: AB
print("caf\u{e9}")  # expect: café
