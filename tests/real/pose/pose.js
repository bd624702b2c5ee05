// SPDX-License-Identifier: GPL-3.0-or-later
// A pose model's view of a clip, for comparing the station's motion counter
// with a pose-angle counter (tests/real/pose/README.md). Not part of the
// product or of CI.
//
//   node pose.js MODEL_DIR MODEL FILE RATE [MAX_SIDE]
//
// Decodes FILE with ffmpeg at RATE frames/s (colour, longer side at most
// MAX_SIDE, default 1280), runs the body model MODEL (movenet-lightning.json,
// movenet-thunder.json or blazepose-full.json, from MODEL_DIR) through Human on
// TensorFlow.js's WebAssembly backend, one thread, and prints a JSON line per
// frame: {"t": seconds, "ms": inference ms, "k": [[part, x, y, score], ...]}.
'use strict';
const fs = require('fs');
const http = require('http');
const path = require('path');
const { spawn, execFileSync } = require('child_process');

const [modelDir, model, file, rateArg, maxArg] = process.argv.slice(2);
if (!file) {
  console.error('usage: node pose.js MODEL_DIR MODEL FILE RATE [MAX_SIDE]');
  process.exit(2);
}
const rate = Number(rateArg || 5), maxSide = Number(maxArg || 1280);
// POSE_ROTATE=90 or 270 turns each frame a quarter clockwise or anticlockwise
// first: a person lying across the frame then stands in it, as the models
// were trained. Keypoints are given in the turned frame.
const rotate = Number(process.env.POSE_ROTATE || 0);

// Human fetches its models over HTTP: serve MODEL_DIR on a loopback port.
function serve(dir) {
  return new Promise((resolve) => {
    const server = http.createServer((req, res) => {
      const p = path.join(dir, path.basename(decodeURIComponent(req.url)));
      fs.readFile(p, (err, data) => {
        res.writeHead(err ? 404 : 200);
        res.end(err ? '' : data);
      });
    });
    server.listen(0, '127.0.0.1', () => resolve(server));
  });
}

function size() {
  const out = execFileSync('ffprobe', ['-v', 'error', '-select_streams', 'v:0', '-show_entries',
    'stream=width,height', '-of', 'csv=p=0', file]).toString().trim().split(',');
  let w = Number(out[0]), h = Number(out[1]);
  const s = Math.min(1, maxSide / Math.max(w, h));
  return [Math.round(w * s / 2) * 2, Math.round(h * s / 2) * 2];
}

async function main() {
  const H = require(path.join(process.cwd(), 'node_modules/@vladmandic/human/dist/human.node-wasm.js'));
  const Human = H.Human || H.default;
  const server = await serve(modelDir);
  const human = new Human({
    backend: 'wasm', debug: false,
    wasmPath: 'file://' + path.join(process.cwd(), 'node_modules/@tensorflow/tfjs-backend-wasm/dist/'),
    modelBasePath: `http://127.0.0.1:${server.address().port}/`,
    body: { enabled: true, modelPath: model, detector: { modelPath: 'blazepose-detector.json' },
            maxDetected: 1, minConfidence: 0.05 },
    face: { enabled: false }, hand: { enabled: false }, object: { enabled: false },
    gesture: { enabled: false }, segmentation: { enabled: false }, filter: { enabled: false },
  });
  await human.load();
  const [sw, sh] = size();
  const turn = rotate === 90 ? ',transpose=1' : rotate === 270 ? ',transpose=2' : '';
  const [w, h] = turn ? [sh, sw] : [sw, sh];
  const ff = spawn('ffmpeg', ['-nostdin', '-loglevel', 'error', '-i', file, '-vf',
    `fps=${rate},scale=${sw}:${sh}${turn}`, '-f', 'rawvideo', '-pix_fmt', 'rgb24', '-']);
  const frame = w * h * 3;
  let acc = Buffer.alloc(0), i = 0;
  for await (const chunk of ff.stdout) {
    acc = Buffer.concat([acc, chunk]);
    while (acc.length >= frame) {
      const rgb = new Uint8Array(acc.subarray(0, frame));
      acc = acc.subarray(frame);
      const t0 = process.hrtime.bigint();
      const tensor = human.tf.tensor3d(rgb, [h, w, 3], 'int32');
      const res = await human.detect(tensor);
      human.tf.dispose(tensor);
      const ms = Number(process.hrtime.bigint() - t0) / 1e6;
      const b = res.body && res.body[0];
      console.log(JSON.stringify({ t: +(i / rate).toFixed(3), ms: +ms.toFixed(1),
        k: b ? b.keypoints.map((k) => [k.part, +k.position[0].toFixed(1), +k.position[1].toFixed(1),
                                       +k.score.toFixed(2)]) : [] }));
      i++;
    }
  }
  server.close();
}
main().catch((e) => { console.error(e); process.exit(1); });
