# import needs a path string
import plots
# expect error: 2:8: expected a file path string after `import`
