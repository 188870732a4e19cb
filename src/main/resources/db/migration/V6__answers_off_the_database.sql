-- The lookup read model moved to its own store beside the database (api.AnswerShelf, LMDB): a
-- lookup no longer costs an SQL query. The rendered answers kept here are no longer read.
DROP TABLE line_answer;
