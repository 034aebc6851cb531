-- Neovim's built-in LSP client against `listlint lsp` (run by nvim.sh, nvim --headless):
-- open a list, wait for the diagnostics, check that a finding after an emoji and CJK text sits on
-- its word (the client converts UTF-16 to bytes), apply the finding's quick fix as the client
-- applies workspace edits, check the buffer, wait for the diagnostics of the changed text
-- (incremental sync), write the file.
local exe = os.getenv("LISTLINT_EXE")
local file = os.getenv("LISTLINT_LIST")

local function fail(msg)
  io.stderr:write("FAIL: " .. msg .. "\n")
  vim.cmd("cquit 1")
end

local function check(cond, msg)
  if not cond then fail(msg) end
end

vim.cmd("edit " .. vim.fn.fnameescape(file))
local bufnr = vim.api.nvim_get_current_buf()
local client_id = vim.lsp.start_client({
  name = "listlint",
  cmd = { exe, "lsp" },
  root_dir = vim.fn.fnamemodify(file, ":h"),
})
check(client_id ~= nil, "the client did not start")
vim.lsp.buf_attach_client(bufnr, client_id)

local function finding(code)
  for _, d in ipairs(vim.diagnostic.get(bufnr)) do
    if d.code == code then return d end
  end
end

check(vim.wait(30000, function() return finding("proper-name") ~= nil end, 50), "no proper-name diagnostic arrived")
local d = finding("proper-name")
check(finding("broken-anchor") ~= nil, "no broken-anchor diagnostic")
local line = vim.api.nvim_buf_get_lines(bufnr, d.lnum, d.lnum + 1, false)[1]
check(line:sub(d.col + 1, d.end_col) == "Github",
  "the diagnostic covers '" .. line:sub(d.col + 1, d.end_col) .. "', not 'Github' (UTF-16 columns)")
check(d.severity == vim.diagnostic.severity.WARN, "proper-name is a warning")
check(d.user_data.lsp.codeDescription.href:match("proper%-name%.md$") ~= nil, "codeDescription")

-- The quick fix, as :lua vim.lsp.buf.code_action() would offer it.
local _, s16 = vim.str_utfindex(line, d.col)
local _, e16 = vim.str_utfindex(line, d.end_col)
local params = {
  textDocument = vim.lsp.util.make_text_document_params(bufnr),
  range = { start = { line = d.lnum, character = s16 }, ["end"] = { line = d.end_lnum, character = e16 } },
  context = { diagnostics = {} },
}
local responses = vim.lsp.buf_request_sync(bufnr, "textDocument/codeAction", params, 10000)
check(responses ~= nil, "no answer to codeAction")
local fix
for _, r in pairs(responses) do
  check(r.error == nil, "codeAction error: " .. vim.inspect(r.error))
  for _, a in ipairs(r.result or {}) do
    if a.kind == "quickfix" and a.title:match("^Fix:") then fix = a end
  end
end
check(fix ~= nil, "no quick fix offered: " .. vim.inspect(responses))
vim.lsp.util.apply_workspace_edit(fix.edit, "utf-16")
local fixed = vim.api.nvim_buf_get_lines(bufnr, d.lnum, d.lnum + 1, false)[1]
check(fixed:find("works with GitHub.", 1, true) ~= nil, "the buffer line is '" .. fixed .. "'")
check(fixed:find("Github", 1, true) == nil, "Github is left in '" .. fixed .. "'")

-- The edit reached the server (incremental change): the finding goes, the others stay.
check(vim.wait(30000, function() return finding("proper-name") == nil end, 50), "proper-name is still reported after the fix")
check(finding("broken-anchor") ~= nil, "broken-anchor went away")

vim.cmd("write")
vim.lsp.stop_client(client_id)
vim.wait(5000, function() return vim.lsp.get_client_by_id(client_id) == nil end, 50)
io.stdout:write("nvim: diagnostics, quick fix and re-lint checked\n")
vim.cmd("qall!")
