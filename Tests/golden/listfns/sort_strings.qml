# sort orders strings alphabetically
print(sort(["pear", "apple", "fig"]))  # expect: ["apple", "fig", "pear"]
