# negative numbers in collections
print({J: -1.0, h: [-2, 0.5]})  # expect: {J: -1.0, h: [-2, 0.5]}
