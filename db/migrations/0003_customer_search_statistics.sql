-- Custom SQL migration file, put your code below! --
-- The customer search (search_text LIKE '%term%') is planned from this column's histogram: with
-- the default 100 buckets, a term in 4% of names is estimated anywhere from 0.01% to 1%, and a
-- low guess turns the index walk that stops after a page into a full scan and sort. 1000 buckets
-- keep the estimate near the truth (ANALYZE then samples 300,000 rows of companies).
ALTER TABLE "companies" ALTER COLUMN "search_text" SET STATISTICS 1000;
