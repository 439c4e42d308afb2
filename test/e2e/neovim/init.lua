-- Headless Neovim (0.7+) as an LSP client of the factcheck server. Run by neovim.e2e.ts:
--   FACTCHECK_SERVER=dist/server.js FACTCHECK_DRAFT=draft.md FACTCHECK_NVIM_RESULT=out.json \
--   nvim --headless --clean -u test/e2e/neovim/init.lua
-- It opens the draft, starts `node $FACTCHECK_SERVER --stdio` with vim.lsp.start_client, waits for the
-- diagnostics, asks for a hover on "Lukashenko", then edits a correct sentence into a wrong one, and
-- writes what it saw to $FACTCHECK_NVIM_RESULT as JSON. The mocha side does the asserting.
local server = assert(os.getenv('FACTCHECK_SERVER'), 'FACTCHECK_SERVER unset')
local draft = assert(os.getenv('FACTCHECK_DRAFT'), 'FACTCHECK_DRAFT unset')
local result_file = assert(os.getenv('FACTCHECK_NVIM_RESULT'), 'FACTCHECK_NVIM_RESULT unset')
local node = os.getenv('FACTCHECK_NODE') or 'node'

local out = { nvim = tostring(vim.version().major) .. '.' .. tostring(vim.version().minor), log = {} }

local function note(msg)
  table.insert(out.log, string.format('%.2f %s', vim.loop.hrtime() / 1e9, msg))
end

local function diagnostics(bufnr)
  local list = {}
  for _, d in ipairs(vim.diagnostic.get(bufnr)) do
    table.insert(list, { lnum = d.lnum, col = d.col, end_col = d.end_col, severity = d.severity, message = d.message, source = d.source })
  end
  return list
end

local function hover_text(result)
  if not result or not result.contents then return nil end
  local c = result.contents
  if type(c) == 'string' then return c end
  if c.value then return c.value end
  local parts = {}
  for _, item in ipairs(c) do
    table.insert(parts, type(item) == 'string' and item or item.value)
  end
  return table.concat(parts, '\n')
end

local function find_line(bufnr, needle)
  for i, line in ipairs(vim.api.nvim_buf_get_lines(bufnr, 0, -1, false)) do
    local col = line:find(needle, 1, true)
    if col then return i - 1, col - 1 end
  end
end

local function finish()
  local f = assert(io.open(result_file, 'w'))
  f:write(vim.fn.json_encode(out))
  f:close()
  vim.cmd('qa!')
end

local function main()
  vim.cmd('edit ' .. vim.fn.fnameescape(draft))
  local bufnr = vim.api.nvim_get_current_buf()
  vim.bo[bufnr].filetype = 'markdown'

  local exited = false
  local client_id = vim.lsp.start_client({
    name = 'factcheck',
    cmd = { node, server, '--stdio' },
    root_dir = vim.fn.fnamemodify(draft, ':p:h'),
    on_exit = function(code, signal)
      exited = true
      note('server exited code=' .. tostring(code) .. ' signal=' .. tostring(signal))
    end,
  })
  out.started = client_id ~= nil
  if not client_id then return end
  vim.lsp.buf_attach_client(bufnr, client_id)
  note('client ' .. client_id .. ' attached')

  -- The server process as Neovim started it: its command line, NUL-separated in /proc.
  local pid = vim.lsp.get_client_by_id(client_id).rpc.pid
  local function proc_list(name)
    local f = io.open('/proc/' .. tostring(pid) .. '/' .. name, 'rb')
    if not f then return {} end
    local text = f:read('*a')
    f:close()
    return vim.split(text, '\0', { plain = true, trimempty = true })
  end
  out.server_args = proc_list('cmdline')

  -- 1. the warning arrives (published diagnostics)
  local t0 = vim.loop.hrtime()
  vim.wait(30000, function() return exited or #vim.diagnostic.get(bufnr) > 0 end, 50)
  out.first_diagnostics_ms = math.floor((vim.loop.hrtime() - t0) / 1e6)
  out.diagnostics = diagnostics(bufnr)
  note('diagnostics: ' .. #out.diagnostics)

  -- 2. hover on "Lukashenko"
  local line, col = find_line(bufnr, 'Lukashenko')
  if line then
    local params = { textDocument = vim.lsp.util.make_text_document_params(bufnr), position = { line = line, character = col + 2 } }
    local responses, err = vim.lsp.buf_request_sync(bufnr, 'textDocument/hover', params, 10000)
    if err then note('hover error: ' .. tostring(err)) end
    for _, r in pairs(responses or {}) do
      if r.error then note('hover error: ' .. vim.inspect(r.error)) end
      out.hover = out.hover or hover_text(r.result)
    end
  end

  -- 3. a correct sentence stays clean; editing it into a wrong one brings a new warning
  local wrong_line = find_line(bufnr, 'fourth time')
  if wrong_line then
    vim.api.nvim_buf_set_lines(bufnr, wrong_line, wrong_line + 1, false,
      { 'Lukashenko is in Beijing again, his second trip to the Chinese capital in 2023.' })
    vim.wait(10000, function() return exited or #vim.diagnostic.get(bufnr) == 0 end, 50)
    vim.wait(1000, function() return exited end, 50) -- a late, wrong warning would show here
    out.diagnostics_after_correct = diagnostics(bufnr)
    local l, c = find_line(bufnr, 'second trip')
    if l then
      t0 = vim.loop.hrtime()
      vim.api.nvim_buf_set_text(bufnr, l, c, l, c + #'second', { 'third' })
      vim.wait(10000, function() return exited or #vim.diagnostic.get(bufnr) > 0 end, 20)
      out.new_warning_ms = math.floor((vim.loop.hrtime() - t0) / 1e6)
      out.diagnostics_after_edit = diagnostics(bufnr)
    end
  end
  out.server_alive = not exited
end

vim.api.nvim_create_autocmd('VimEnter', {
  once = true,
  callback = function()
    vim.schedule(function()
      local ok, err = pcall(main)
      if not ok then out.error = tostring(err) end
      pcall(vim.lsp.stop_client, vim.lsp.get_active_clients())
      finish()
    end)
  end,
})
