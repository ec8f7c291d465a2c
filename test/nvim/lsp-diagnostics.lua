-- Headless Neovim (0.7+) as an independent LSP client: start the Trial Records server over stdio,
-- open the records given on the command line, wait until each has its diagnostics, write them
-- as JSON. Environment: LSP_CMD (JSON array), DIAG_OUT (output file), LSP_TIMEOUT_MS.
-- Exit codes: 0 done, 1 timed out, 2 the server could not start, 3 a Lua error.
local function fail(message, code)
  io.stderr:write(message .. '\n')
  vim.cmd('cquit ' .. (code or 3))
end

local ok, err = pcall(function()
  local cmd = vim.fn.json_decode(os.getenv('LSP_CMD'))
  local out = os.getenv('DIAG_OUT') or 'diagnostics.json'
  local timeout = tonumber(os.getenv('LSP_TIMEOUT_MS') or '20000')
  vim.lsp.set_log_level('ERROR') -- 0.7 has no 'OFF'

  -- Count publishDiagnostics per URI, so that "none" can be told from "not yet".
  local published = {}
  local default_handler = vim.lsp.handlers['textDocument/publishDiagnostics']
  vim.lsp.handlers['textDocument/publishDiagnostics'] = function(e, result, ctx, config)
    published[result.uri] = (published[result.uri] or 0) + 1
    return default_handler(e, result, ctx, config)
  end

  local client_id = vim.lsp.start_client({ name = 'trial-records', cmd = cmd, root_dir = vim.fn.getcwd() })
  if not client_id then return fail('could not start the language server', 2) end

  vim.api.nvim_create_autocmd('VimEnter', { callback = function()
    local ok2, err2 = pcall(function()
      local buffers = {}
      for _, buffer in ipairs(vim.api.nvim_list_bufs()) do
        if vim.api.nvim_buf_get_name(buffer) ~= '' then
          vim.fn.bufload(buffer)
          vim.bo[buffer].filetype = 'trial-record'
          vim.lsp.buf_attach_client(buffer, client_id)
          table.insert(buffers, buffer)
        end
      end
      local done = vim.wait(timeout, function()
        for _, buffer in ipairs(buffers) do
          if not published[vim.uri_from_bufnr(buffer)] then return false end
        end
        return true
      end, 50)
      local result = {}
      for _, buffer in ipairs(buffers) do
        local items = {}
        for _, d in ipairs(vim.diagnostic.get(buffer)) do
          local code = d.user_data and d.user_data.lsp and d.user_data.lsp.code or vim.NIL
          table.insert(items, { lnum = d.lnum, col = d.col, end_lnum = d.end_lnum, end_col = d.end_col,
            severity = d.severity, message = d.message, source = d.source, code = code })
        end
        result[vim.api.nvim_buf_get_name(buffer)] = items
      end
      local file = assert(io.open(out, 'w'))
      file:write(vim.fn.json_encode(result))
      file:close()
      vim.lsp.stop_client(client_id)
      vim.wait(2000, function() return vim.lsp.get_client_by_id(client_id) == nil end, 50)
      if done then vim.cmd('qall!') else fail('timed out waiting for diagnostics', 1) end
    end)
    if not ok2 then fail('error: ' .. tostring(err2)) end
  end })
end)
if not ok then fail('error: ' .. tostring(err)) end
