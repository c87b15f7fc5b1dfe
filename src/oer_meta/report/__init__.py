"""The report: results (findings, record results, the run report), their summary, and
the formatters that write them."""
