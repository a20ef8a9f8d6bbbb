// shenbao 审查页面。Plain script, no framework; every text from the
// materials is set with textContent, never as HTML.
"use strict";

(function () {
  const token = document.querySelector('meta[name="shenbao-token"]').content;
  const $ = (id) => document.getElementById(id);

  const conclusionClass = { "合规": "c-ok", "需补正": "c-fix", "待核查": "c-review" };
  const levelText = { error: "错误", review: "待核查", info: "提示" };
  const statusText = { parsed: "已解析", ignored: "已忽略", failed: "无法解析", superseded: "已被新版本替代" };
  const stageText = { "读取": "正在读取材料", "组卷": "正在按窗口组卷", "审查": "正在逐项审查", "写出": "正在生成登记表和告知书" };

  let job = null;       // id of the job shown
  let events = null;    // its EventSource
  let result = null;    // its result.json
  let runningSince = 0; // when it was first seen running (ms)
  let lastProgress = null;
  let clock = 0;

  function el(tag, text, cls) {
    const e = document.createElement(tag);
    if (text !== undefined && text !== null) e.textContent = String(text);
    if (cls) e.className = cls;
    return e;
  }

  function show(section) {
    for (const id of ["start", "progress", "failed", "result"]) $(id).hidden = id !== section;
  }

  async function api(method, path, body, isForm) {
    const headers = { "X-Shenbao-Token": token };
    if (body !== undefined && !isForm) headers["Content-Type"] = "application/json";
    const resp = await fetch(path, {
      method, headers, credentials: "same-origin",
      body: body === undefined ? undefined : (isForm ? body : JSON.stringify(body)),
    });
    let data = null;
    try { data = await resp.json(); } catch (e) { data = null; }
    if (!resp.ok) throw new Error((data && data.error) || ("服务返回错误 " + resp.status));
    return data;
  }

  function lines(text) {
    return text.split(/\r?\n/).map((s) => s.trim()).filter((s) => s !== "");
  }

  function sizeText(n) {
    if (n >= 1 << 30) return (n / (1 << 30)).toFixed(1) + " GB";
    if (n >= 1 << 20) return (n / (1 << 20)).toFixed(1) + " MB";
    return Math.round(n / 1024) + " KB";
  }

  function duration(ms) {
    const s = Math.max(0, Math.round(ms / 1000));
    const m = Math.floor(s / 60);
    return m + ":" + String(s % 60).padStart(2, "0");
  }

  // ---- 第一步：选择材料 ----

  $("profile").addEventListener("change", () => {
    $("profile-file").hidden = $("profile").value !== "";
  });

  function wireUpload(inputId, textareaId, noteId) {
    const input = $(inputId), note = $(noteId);
    input.addEventListener("change", async () => {
      if (!input.files.length) return;
      const form = new FormData();
      let total = 0;
      for (const f of input.files) { form.append("file", f, f.name); total += f.size; }
      note.className = "upload-note";
      note.textContent = "正在上传 " + input.files.length + " 个文件（" + sizeText(total) + "）……";
      try {
        const data = await api("POST", "/api/uploads", form, true);
        const area = $(textareaId);
        area.value = (area.value.trim() ? area.value.trim() + "\n" : "") + data.path;
        note.className = "upload-note ok";
        note.textContent = "已上传 " + data.files + " 个文件（" + sizeText(data.bytes) + "），已填入上面的路径。";
      } catch (e) {
        note.className = "upload-note bad";
        note.textContent = "上传失败：" + e.message;
      }
      input.value = "";
    });
  }
  wireUpload("upload-inputs", "inputs", "upload-inputs-note");
  wireUpload("upload-scans", "scans", "upload-scans-note");

  $("start-form").addEventListener("submit", async (ev) => {
    ev.preventDefault();
    const err = $("start-error");
    err.hidden = true;
    const inputs = lines($("inputs").value);
    if (!inputs.length) {
      err.textContent = "请填写邮箱导出所在的文件夹或文件，或先上传文件。";
      err.hidden = false;
      return;
    }
    const profile = $("profile").value || $("profile-file").value.trim();
    const req = {
      inputs, scans: lines($("scans").value), rankings: lines($("rankings").value),
      joint_review: lines($("joint").value), profile, full_id: $("full-id").checked,
    };
    $("start-button").disabled = true;
    try {
      const data = await api("POST", "/api/jobs", req);
      follow(data.id);
    } catch (e) {
      err.textContent = e.message;
      err.hidden = false;
    } finally {
      $("start-button").disabled = false;
    }
  });

  for (const b of document.querySelectorAll(".again")) {
    b.addEventListener("click", () => {
      if (events) events.close();
      job = null;
      history.replaceState(null, "", "/");
      show("start");
    });
  }

  // ---- 第二步：进度 ----

  function follow(id) {
    job = id;
    result = null;
    runningSince = 0;
    lastProgress = null;
    history.replaceState(null, "", "#job=" + id);
    $("progress-state").textContent = "正在准备……";
    $("bar").className = "bar indeterminate";
    $("bar-fill").style.width = "";
    for (const s of ["items", "windows", "bytes", "elapsed", "left"]) $("stat-" + s).textContent = "—";
    show("progress");
    if (events) events.close();
    events = new EventSource("/api/jobs/" + id + "/events");
    events.addEventListener("state", (e) => onState(JSON.parse(e.data)));
    events.addEventListener("message", (e) => onProgress(JSON.parse(e.data)));
    events.addEventListener("done", (e) => { events.close(); onDone(JSON.parse(e.data)); });
    events.onerror = () => {
      if (events.readyState === EventSource.CLOSED) onLost();
    };
    clearInterval(clock);
    clock = setInterval(tick, 1000);
  }

  function onLost() {
    clearInterval(clock);
    $("failed-text").textContent = "与 shenbao 的连接已断开。请确认黑色窗口仍然开着，然后刷新页面。";
    show("failed");
  }

  function onState(s) {
    if (s.state === "queued") {
      $("progress-state").textContent = s.ahead > 0
        ? "排队中：前面还有 " + s.ahead + " 个审查任务，完成后自动开始。"
        : "排队中，即将开始……";
      return;
    }
    if (s.state === "running") {
      if (!runningSince) runningSince = Date.now();
      $("progress-state").textContent = (stageText[s.stage] || "正在审查") + "……";
    }
  }

  function onProgress(p) {
    lastProgress = p;
    $("stat-items").textContent = p.items + " 项";
    $("stat-windows").textContent = p.windows + " 个";
    if (p.bytes_total > 0) {
      const pct = Math.min(100, (100 * p.bytes_done) / p.bytes_total);
      $("bar").className = "bar";
      $("bar-fill").style.width = pct.toFixed(1) + "%";
      $("stat-bytes").textContent = sizeText(p.bytes_done) + " / " + sizeText(p.bytes_total) + "（" + Math.floor(pct) + "%）";
    } else {
      $("stat-bytes").textContent = "—";
    }
    tick();
  }

  function tick() {
    if (!runningSince) return;
    const spent = Date.now() - runningSince;
    $("stat-elapsed").textContent = duration(spent);
    const p = lastProgress;
    if (p && p.bytes_total > 0 && p.bytes_done > 0 && p.bytes_done < p.bytes_total && spent > 1500) {
      $("stat-left").textContent = "约 " + duration((spent * (p.bytes_total - p.bytes_done)) / p.bytes_done);
    } else if (p && p.bytes_total > 0 && p.bytes_done >= p.bytes_total) {
      $("stat-left").textContent = "即将完成";
    } else {
      $("stat-left").textContent = "—";
    }
  }

  async function onDone(st) {
    clearInterval(clock);
    if (st.state !== "done") {
      $("failed-text").textContent = st.error || "审查没有完成。";
      show("failed");
      return;
    }
    try {
      const resp = await fetch("/api/jobs/" + st.id + "/result.json", { credentials: "same-origin" });
      if (!resp.ok) throw new Error("审查结果无法读取（" + resp.status + "）");
      result = await resp.json();
    } catch (e) {
      $("failed-text").textContent = e.message;
      show("failed");
      return;
    }
    renderResult(st);
  }

  // ---- 第三步：结果 ----

  function renderResult(st) {
    const base = "/api/jobs/" + st.id + "/";
    $("dl-register").href = base + "register.xlsx";
    $("dl-notices").href = base + "notices.zip";
    $("dl-json").href = base + "result.json";
    const sum = st.summary || { windows: 0, "合规": 0, "需补正": 0, "待核查": 0 };
    $("dl-notices").textContent = "下载全部补正告知书（" + sum["需补正"] + " 份，.zip）";

    const counts = $("counts");
    counts.replaceChildren();
    const cards = [["", "窗口总数", sum.windows, "all"], ["需补正", "需补正", sum["需补正"], "c-fix"],
      ["待核查", "待核查", sum["待核查"], "c-review"], ["合规", "合规", sum["合规"], "c-ok"]];
    for (const [value, label, n, cls] of cards) {
      const c = el("div", null, "count " + cls);
      c.dataset.conclusion = value;
      c.append(el("b", n), el("span", label));
      c.addEventListener("click", () => { $("f-conclusion").value = value; applyFilters(); });
      counts.append(c);
    }

    const subs = result.submissions || [];
    fillSelect($("f-unit"), [...new Set(subs.map((s) => s.unit || "（未填写）"))].sort((a, b) => a.localeCompare(b, "zh-CN")));
    const codes = new Set();
    for (const s of subs) for (const f of s.findings || []) codes.add(f.code);
    fillSelect($("f-code"), [...codes].sort());
    $("f-conclusion").value = "";
    $("f-name").value = "";

    const body = $("windows").tBodies[0];
    body.replaceChildren();
    subs.forEach((s, i) => {
      const tr = el("tr");
      tr.dataset.index = i;
      const tag = el("span", s.conclusion, "tag " + (conclusionClass[s.conclusion] || ""));
      const tdC = el("td");
      tdC.append(tag);
      const fcodes = [...new Set((s.findings || []).map((f) => f.code))].join(" ");
      tr.append(el("td", i + 1), el("td", s.window_name || "（未识别）"), el("td", s.unit || "（未填写）"), tdC,
        el("td", (s.findings || []).length), el("td", fcodes, "code"));
      tr.addEventListener("click", () => openWindow(i));
      body.append(tr);
    });
    applyFilters();

    const un = result.unattributed || [];
    $("unattributed").hidden = un.length === 0;
    fillFindings($("unattributed").querySelector("tbody"), un);
    $("detail").hidden = true;
    show("result");
  }

  function fillSelect(sel, values) {
    const first = sel.options[0];
    sel.replaceChildren(first);
    for (const v of values) sel.append(el("option", v));
    sel.value = "";
  }

  function applyFilters() {
    if (!result) return;
    const unit = $("f-unit").value, concl = $("f-conclusion").value, code = $("f-code").value;
    const name = $("f-name").value.trim();
    const subs = result.submissions || [];
    let shown = 0;
    for (const tr of $("windows").tBodies[0].rows) {
      const s = subs[tr.dataset.index];
      const ok = (!unit || (s.unit || "（未填写）") === unit) && (!concl || s.conclusion === concl) &&
        (!code || (s.findings || []).some((f) => f.code === code)) && (!name || (s.window_name || "").includes(name));
      tr.hidden = !ok;
      if (ok) shown++;
    }
    $("f-shown").textContent = "显示 " + shown + " / " + subs.length + " 个窗口";
    for (const c of $("counts").children) c.classList.toggle("active", c.dataset.conclusion === concl);
  }
  for (const id of ["f-unit", "f-conclusion", "f-code"]) $(id).addEventListener("change", applyFilters);
  $("f-name").addEventListener("input", applyFilters);

  function fillFindings(tbody, findings) {
    tbody.replaceChildren();
    for (const f of findings) {
      tbody.append(rowOf([
        el("span", f.code, "code"), el("span", levelText[f.level] || f.level, "lv-" + f.level),
        el("span", f.message), el("span", f.location), el("span", f.fix || ""),
      ]));
    }
  }

  function rowOf(cells) {
    const tr = el("tr");
    for (const c of cells) { const td = el("td"); td.append(c); tr.append(td); }
    return tr;
  }

  function openWindow(i) {
    const s = result.submissions[i];
    for (const tr of $("windows").tBodies[0].rows) tr.classList.toggle("selected", tr.dataset.index == i);
    $("detail-title").textContent = (s.window_name || "（未识别）") + " · " + s.conclusion;
    const staff = (s.staff || []).map((p) => p.name + " " + p.id_masked).join("、");
    $("detail-facts").textContent = "所属单位：" + (s.unit || "（未填写）") + "　推荐形式：" +
      ((s.recommend_forms || []).join("、") || "（未勾选）") + "　窗口人员：" + (staff || "（无）") +
      "　事迹字数：" + s.deeds_chars +
      (s.ranking ? "　行业排序：" + s.ranking.department + " 第" + s.ranking.rank + "名/共" + s.ranking.of + "名" : "") +
      ((s.joint_review || []).length ? "　部门联审：" + s.joint_review.map((j) => j.department + " " + j.person + " " + j.result).join("；") : "");
    const findings = s.findings || [];
    fillFindings($("detail-findings").tBodies[0], findings);
    $("detail-nofindings").hidden = findings.length > 0;

    const files = $("detail-files").tBodies[0];
    files.replaceChildren();
    for (const it of result.inputs || []) {
      if (it.window !== s.window_name) continue;
      files.append(rowOf([el("span", it.path), el("span", it.kind),
        el("span", statusText[it.status] || it.status, "st-" + it.status), el("span", it.reason || "")]));
    }

    const pages = $("detail-pages");
    pages.replaceChildren();
    let count = 0;
    (result.scan_pages || []).forEach((pg, n) => {
      if (pg.window !== s.window_name) return;
      const fig = el("figure");
      const img = el("img");
      img.alt = pg.file + " 第" + pg.page + "页";
      img.loading = "lazy";
      img.addEventListener("error", () => {
        fig.remove();
        if (!pages.children.length) $("detail-pages-box").hidden = true;
      });
      img.src = "/api/jobs/" + job + "/pages/" + (n + 1) + ".png";
      fig.append(img, el("figcaption", pg.file + " 第" + pg.page + "页"));
      pages.append(fig);
      count++;
    });
    $("detail-pages-box").hidden = count === 0;
    $("detail").hidden = false;
    $("detail").scrollIntoView({ behavior: "smooth", block: "start" });
  }
  $("detail-close").addEventListener("click", () => {
    $("detail").hidden = true;
    for (const tr of $("windows").tBodies[0].rows) tr.classList.remove("selected");
  });

  // A reload (or a link with #job=ID) shows that job again.
  const m = location.hash.match(/^#job=([A-Za-z0-9]+)$/);
  if (m) follow(m[1]); else show("start");
})();
