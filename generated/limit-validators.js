// Generated from openapi.yaml by scripts/generate.ts (npm run generate). Do not edit.

function moduleExports(namespace) {
  return namespace.default && namespace.default.__esModule ? namespace.default : namespace;
}

export const validateUpdateSnippetRequestLimits = validate20;
const schema31 = {"$id":"limits:UpdateSnippetRequest","properties":{"title":true,"note":true,"shortcut":true,"folderId":true,"tagIds":{"maxItems":50}},"additionalProperties":false};

function validate20(data, {instancePath="", parentData, parentDataProperty, rootData=data, dynamicAnchors={}}={}){
/*# sourceURL="limits:UpdateSnippetRequest" */;
let vErrors = null;
let errors = 0;
const evaluated0 = validate20.evaluated;
if(evaluated0.dynamicProps){
evaluated0.props = undefined;
}
if(evaluated0.dynamicItems){
evaluated0.items = undefined;
}
if(data && typeof data == "object" && !Array.isArray(data)){
const _errs0 = errors;
for(const key0 in data){
if(!(((((key0 === "title") || (key0 === "note")) || (key0 === "shortcut")) || (key0 === "folderId")) || (key0 === "tagIds"))){
validate20.errors = [{instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties"}];
return false;
break;
}
}
if(_errs0 === errors){
if(data.tagIds !== undefined){
let data0 = data.tagIds;
if(Array.isArray(data0)){
if(data0.length > 50){
validate20.errors = [{instancePath:instancePath+"/tagIds",schemaPath:"#/properties/tagIds/maxItems",keyword:"maxItems",params:{limit: 50},message:"must NOT have more than 50 items"}];
return false;
}
}
}
}
}
validate20.errors = vErrors;
return errors === 0;
}
validate20.evaluated = {"props":true,"dynamicProps":false,"dynamicItems":false};

export const validateCreateSnippetRequestLimits = validate21;
const schema32 = {"$id":"limits:CreateSnippetRequest","properties":{"title":true,"content":{"$ref":"limits:Content"},"teamId":true,"note":true,"shortcut":true,"folderId":true,"tagIds":{"maxItems":50},"additionalVariations":{"maxItems":20,"items":{"$ref":"limits:NewVariation"}}},"additionalProperties":false};
const schema33 = {"$id":"limits:Content","properties":{"type":true,"content":true},"additionalProperties":false};
const schema34 = {"$id":"limits:NewVariation","properties":{"variationName":true,"content":{"$ref":"limits:Content"}},"additionalProperties":false};

function validate22(data, {instancePath="", parentData, parentDataProperty, rootData=data, dynamicAnchors={}}={}){
/*# sourceURL="limits:NewVariation" */;
let vErrors = null;
let errors = 0;
const evaluated0 = validate22.evaluated;
if(evaluated0.dynamicProps){
evaluated0.props = undefined;
}
if(evaluated0.dynamicItems){
evaluated0.items = undefined;
}
if(data && typeof data == "object" && !Array.isArray(data)){
const _errs0 = errors;
for(const key0 in data){
if(!((key0 === "variationName") || (key0 === "content"))){
validate22.errors = [{instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties"}];
return false;
break;
}
}
if(_errs0 === errors){
if(data.content !== undefined){
let data0 = data.content;
if(data0 && typeof data0 == "object" && !Array.isArray(data0)){
for(const key1 in data0){
if(!((key1 === "type") || (key1 === "content"))){
validate22.errors = [{instancePath:instancePath+"/content",schemaPath:"limits:Content/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key1},message:"must NOT have additional properties"}];
return false;
break;
}
}
}
}
}
}
validate22.errors = vErrors;
return errors === 0;
}
validate22.evaluated = {"props":true,"dynamicProps":false,"dynamicItems":false};


function validate21(data, {instancePath="", parentData, parentDataProperty, rootData=data, dynamicAnchors={}}={}){
/*# sourceURL="limits:CreateSnippetRequest" */;
let vErrors = null;
let errors = 0;
const evaluated0 = validate21.evaluated;
if(evaluated0.dynamicProps){
evaluated0.props = undefined;
}
if(evaluated0.dynamicItems){
evaluated0.items = undefined;
}
if(data && typeof data == "object" && !Array.isArray(data)){
const _errs0 = errors;
for(const key0 in data){
if(!((((((((key0 === "title") || (key0 === "content")) || (key0 === "teamId")) || (key0 === "note")) || (key0 === "shortcut")) || (key0 === "folderId")) || (key0 === "tagIds")) || (key0 === "additionalVariations"))){
validate21.errors = [{instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties"}];
return false;
break;
}
}
if(_errs0 === errors){
if(data.content !== undefined){
let data0 = data.content;
const _errs1 = errors;
if(data0 && typeof data0 == "object" && !Array.isArray(data0)){
for(const key1 in data0){
if(!((key1 === "type") || (key1 === "content"))){
validate21.errors = [{instancePath:instancePath+"/content",schemaPath:"limits:Content/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key1},message:"must NOT have additional properties"}];
return false;
break;
}
}
}
var valid0 = _errs1 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.tagIds !== undefined){
let data1 = data.tagIds;
const _errs4 = errors;
if(Array.isArray(data1)){
if(data1.length > 50){
validate21.errors = [{instancePath:instancePath+"/tagIds",schemaPath:"#/properties/tagIds/maxItems",keyword:"maxItems",params:{limit: 50},message:"must NOT have more than 50 items"}];
return false;
}
}
var valid0 = _errs4 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.additionalVariations !== undefined){
let data2 = data.additionalVariations;
const _errs5 = errors;
if(Array.isArray(data2)){
if(data2.length > 20){
validate21.errors = [{instancePath:instancePath+"/additionalVariations",schemaPath:"#/properties/additionalVariations/maxItems",keyword:"maxItems",params:{limit: 20},message:"must NOT have more than 20 items"}];
return false;
}
else {
var valid2 = true;
const len0 = data2.length;
for(let i0=0; i0<len0; i0++){
const _errs6 = errors;
if(!(validate22(data2[i0], {instancePath:instancePath+"/additionalVariations/" + i0,parentData:data2,parentDataProperty:i0,rootData,dynamicAnchors}))){
if(vErrors === null){
vErrors = [];
}
for(const error of validate22.errors){
vErrors.push(error);
}
errors = vErrors.length;
}
var valid2 = _errs6 === errors;
if(!valid2){
break;
}
}
}
}
var valid0 = _errs5 === errors;
}
else {
var valid0 = true;
}
}
}
}
}
validate21.errors = vErrors;
return errors === 0;
}
validate21.evaluated = {"props":true,"dynamicProps":false,"dynamicItems":false};

export const validateCreateSnippetsRequestLimits = validate24;
const schema36 = {"$id":"limits:CreateSnippetsRequest","properties":{"snippets":{"maxItems":100,"items":{"$ref":"limits:CreateSnippetRequest"}}},"additionalProperties":false};

function validate24(data, {instancePath="", parentData, parentDataProperty, rootData=data, dynamicAnchors={}}={}){
/*# sourceURL="limits:CreateSnippetsRequest" */;
let vErrors = null;
let errors = 0;
const evaluated0 = validate24.evaluated;
if(evaluated0.dynamicProps){
evaluated0.props = undefined;
}
if(evaluated0.dynamicItems){
evaluated0.items = undefined;
}
if(data && typeof data == "object" && !Array.isArray(data)){
const _errs0 = errors;
for(const key0 in data){
if(!(key0 === "snippets")){
validate24.errors = [{instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties"}];
return false;
break;
}
}
if(_errs0 === errors){
if(data.snippets !== undefined){
let data0 = data.snippets;
if(Array.isArray(data0)){
if(data0.length > 100){
validate24.errors = [{instancePath:instancePath+"/snippets",schemaPath:"#/properties/snippets/maxItems",keyword:"maxItems",params:{limit: 100},message:"must NOT have more than 100 items"}];
return false;
}
else {
var valid1 = true;
const len0 = data0.length;
for(let i0=0; i0<len0; i0++){
const _errs2 = errors;
if(!(validate21(data0[i0], {instancePath:instancePath+"/snippets/" + i0,parentData:data0,parentDataProperty:i0,rootData,dynamicAnchors}))){
if(vErrors === null){
vErrors = [];
}
for(const error of validate21.errors){
vErrors.push(error);
}
errors = vErrors.length;
}
var valid1 = _errs2 === errors;
if(!valid1){
break;
}
}
}
}
}
}
}
validate24.errors = vErrors;
return errors === 0;
}
validate24.evaluated = {"props":true,"dynamicProps":false,"dynamicItems":false};

export const validateUpdateVariationRequestLimits = validate26;
const schema37 = {"$id":"limits:UpdateVariationRequest","properties":{"variationName":true,"content":{"$ref":"limits:Content"}},"additionalProperties":false};

function validate26(data, {instancePath="", parentData, parentDataProperty, rootData=data, dynamicAnchors={}}={}){
/*# sourceURL="limits:UpdateVariationRequest" */;
let vErrors = null;
let errors = 0;
const evaluated0 = validate26.evaluated;
if(evaluated0.dynamicProps){
evaluated0.props = undefined;
}
if(evaluated0.dynamicItems){
evaluated0.items = undefined;
}
if(data && typeof data == "object" && !Array.isArray(data)){
const _errs0 = errors;
for(const key0 in data){
if(!((key0 === "variationName") || (key0 === "content"))){
validate26.errors = [{instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties"}];
return false;
break;
}
}
if(_errs0 === errors){
if(data.content !== undefined){
let data0 = data.content;
if(data0 && typeof data0 == "object" && !Array.isArray(data0)){
for(const key1 in data0){
if(!((key1 === "type") || (key1 === "content"))){
validate26.errors = [{instancePath:instancePath+"/content",schemaPath:"limits:Content/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key1},message:"must NOT have additional properties"}];
return false;
break;
}
}
}
}
}
}
validate26.errors = vErrors;
return errors === 0;
}
validate26.evaluated = {"props":true,"dynamicProps":false,"dynamicItems":false};

export const validateCreateVariationRequestLimits = validate27;
const schema39 = {"$id":"limits:CreateVariationRequest","$ref":"limits:NewVariation"};

function validate27(data, {instancePath="", parentData, parentDataProperty, rootData=data, dynamicAnchors={}}={}){
/*# sourceURL="limits:CreateVariationRequest" */;
let vErrors = null;
let errors = 0;
const evaluated0 = validate27.evaluated;
if(evaluated0.dynamicProps){
evaluated0.props = undefined;
}
if(evaluated0.dynamicItems){
evaluated0.items = undefined;
}
if(!(validate22(data, {instancePath,parentData,parentDataProperty,rootData,dynamicAnchors}))){
if(vErrors === null){
vErrors = [];
}
for(const error of validate22.errors){
vErrors.push(error);
}
errors = vErrors.length;
}
validate27.errors = vErrors;
return errors === 0;
}
validate27.evaluated = {"props":true,"dynamicProps":false,"dynamicItems":false};

export const validateUpdateFolderRequestLimits = validate29;
const schema40 = {"$id":"limits:UpdateFolderRequest","properties":{"folderName":true,"folderColor":true,"parentFolderId":true},"additionalProperties":false};

function validate29(data, {instancePath="", parentData, parentDataProperty, rootData=data, dynamicAnchors={}}={}){
/*# sourceURL="limits:UpdateFolderRequest" */;
let vErrors = null;
let errors = 0;
const evaluated0 = validate29.evaluated;
if(evaluated0.dynamicProps){
evaluated0.props = undefined;
}
if(evaluated0.dynamicItems){
evaluated0.items = undefined;
}
if(data && typeof data == "object" && !Array.isArray(data)){
for(const key0 in data){
if(!(((key0 === "folderName") || (key0 === "folderColor")) || (key0 === "parentFolderId"))){
validate29.errors = [{instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties"}];
return false;
break;
}
}
}
validate29.errors = vErrors;
return errors === 0;
}
validate29.evaluated = {"props":true,"dynamicProps":false,"dynamicItems":false};

export const validateCreateFolderRequestLimits = validate30;
const schema41 = {"$id":"limits:CreateFolderRequest","properties":{"folderName":true,"folderColor":true,"teamId":true,"parentFolderId":true},"additionalProperties":false};

function validate30(data, {instancePath="", parentData, parentDataProperty, rootData=data, dynamicAnchors={}}={}){
/*# sourceURL="limits:CreateFolderRequest" */;
let vErrors = null;
let errors = 0;
const evaluated0 = validate30.evaluated;
if(evaluated0.dynamicProps){
evaluated0.props = undefined;
}
if(evaluated0.dynamicItems){
evaluated0.items = undefined;
}
if(data && typeof data == "object" && !Array.isArray(data)){
for(const key0 in data){
if(!((((key0 === "folderName") || (key0 === "folderColor")) || (key0 === "teamId")) || (key0 === "parentFolderId"))){
validate30.errors = [{instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties"}];
return false;
break;
}
}
}
validate30.errors = vErrors;
return errors === 0;
}
validate30.evaluated = {"props":true,"dynamicProps":false,"dynamicItems":false};

export const validateUpdateFoldersRequestLimits = validate31;
const schema42 = {"$id":"limits:UpdateFoldersRequest","properties":{"folders":{"maxItems":100,"items":{"properties":{"id":true,"folderName":true,"folderColor":true,"parentFolderId":true},"additionalProperties":false}}},"additionalProperties":false};

function validate31(data, {instancePath="", parentData, parentDataProperty, rootData=data, dynamicAnchors={}}={}){
/*# sourceURL="limits:UpdateFoldersRequest" */;
let vErrors = null;
let errors = 0;
const evaluated0 = validate31.evaluated;
if(evaluated0.dynamicProps){
evaluated0.props = undefined;
}
if(evaluated0.dynamicItems){
evaluated0.items = undefined;
}
if(data && typeof data == "object" && !Array.isArray(data)){
const _errs0 = errors;
for(const key0 in data){
if(!(key0 === "folders")){
validate31.errors = [{instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties"}];
return false;
break;
}
}
if(_errs0 === errors){
if(data.folders !== undefined){
let data0 = data.folders;
if(Array.isArray(data0)){
if(data0.length > 100){
validate31.errors = [{instancePath:instancePath+"/folders",schemaPath:"#/properties/folders/maxItems",keyword:"maxItems",params:{limit: 100},message:"must NOT have more than 100 items"}];
return false;
}
else {
var valid1 = true;
const len0 = data0.length;
for(let i0=0; i0<len0; i0++){
let data1 = data0[i0];
const _errs2 = errors;
if(data1 && typeof data1 == "object" && !Array.isArray(data1)){
for(const key1 in data1){
if(!((((key1 === "id") || (key1 === "folderName")) || (key1 === "folderColor")) || (key1 === "parentFolderId"))){
validate31.errors = [{instancePath:instancePath+"/folders/" + i0,schemaPath:"#/properties/folders/items/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key1},message:"must NOT have additional properties"}];
return false;
break;
}
}
}
var valid1 = _errs2 === errors;
if(!valid1){
break;
}
}
}
}
}
}
}
validate31.errors = vErrors;
return errors === 0;
}
validate31.evaluated = {"props":true,"dynamicProps":false,"dynamicItems":false};

export const validateCreateFoldersRequestLimits = validate32;
const schema43 = {"$id":"limits:CreateFoldersRequest","properties":{"folders":{"maxItems":100,"items":{"$ref":"limits:CreateFolderRequest"}}},"additionalProperties":false};

function validate32(data, {instancePath="", parentData, parentDataProperty, rootData=data, dynamicAnchors={}}={}){
/*# sourceURL="limits:CreateFoldersRequest" */;
let vErrors = null;
let errors = 0;
const evaluated0 = validate32.evaluated;
if(evaluated0.dynamicProps){
evaluated0.props = undefined;
}
if(evaluated0.dynamicItems){
evaluated0.items = undefined;
}
if(data && typeof data == "object" && !Array.isArray(data)){
const _errs0 = errors;
for(const key0 in data){
if(!(key0 === "folders")){
validate32.errors = [{instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties"}];
return false;
break;
}
}
if(_errs0 === errors){
if(data.folders !== undefined){
let data0 = data.folders;
if(Array.isArray(data0)){
if(data0.length > 100){
validate32.errors = [{instancePath:instancePath+"/folders",schemaPath:"#/properties/folders/maxItems",keyword:"maxItems",params:{limit: 100},message:"must NOT have more than 100 items"}];
return false;
}
else {
var valid1 = true;
const len0 = data0.length;
for(let i0=0; i0<len0; i0++){
let data1 = data0[i0];
const _errs2 = errors;
if(data1 && typeof data1 == "object" && !Array.isArray(data1)){
for(const key1 in data1){
if(!((((key1 === "folderName") || (key1 === "folderColor")) || (key1 === "teamId")) || (key1 === "parentFolderId"))){
validate32.errors = [{instancePath:instancePath+"/folders/" + i0,schemaPath:"limits:CreateFolderRequest/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key1},message:"must NOT have additional properties"}];
return false;
break;
}
}
}
var valid1 = _errs2 === errors;
if(!valid1){
break;
}
}
}
}
}
}
}
validate32.errors = vErrors;
return errors === 0;
}
validate32.evaluated = {"props":true,"dynamicProps":false,"dynamicItems":false};

export const validateUpdateTagRequestLimits = validate33;
const schema45 = {"$id":"limits:UpdateTagRequest","properties":{"tagName":true,"tagColor":true,"parentTagId":true},"additionalProperties":false};

function validate33(data, {instancePath="", parentData, parentDataProperty, rootData=data, dynamicAnchors={}}={}){
/*# sourceURL="limits:UpdateTagRequest" */;
let vErrors = null;
let errors = 0;
const evaluated0 = validate33.evaluated;
if(evaluated0.dynamicProps){
evaluated0.props = undefined;
}
if(evaluated0.dynamicItems){
evaluated0.items = undefined;
}
if(data && typeof data == "object" && !Array.isArray(data)){
for(const key0 in data){
if(!(((key0 === "tagName") || (key0 === "tagColor")) || (key0 === "parentTagId"))){
validate33.errors = [{instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties"}];
return false;
break;
}
}
}
validate33.errors = vErrors;
return errors === 0;
}
validate33.evaluated = {"props":true,"dynamicProps":false,"dynamicItems":false};

export const validateCreateTagRequestLimits = validate34;
const schema46 = {"$id":"limits:CreateTagRequest","properties":{"tagName":true,"tagColor":true,"teamId":true,"parentTagId":true},"additionalProperties":false};

function validate34(data, {instancePath="", parentData, parentDataProperty, rootData=data, dynamicAnchors={}}={}){
/*# sourceURL="limits:CreateTagRequest" */;
let vErrors = null;
let errors = 0;
const evaluated0 = validate34.evaluated;
if(evaluated0.dynamicProps){
evaluated0.props = undefined;
}
if(evaluated0.dynamicItems){
evaluated0.items = undefined;
}
if(data && typeof data == "object" && !Array.isArray(data)){
for(const key0 in data){
if(!((((key0 === "tagName") || (key0 === "tagColor")) || (key0 === "teamId")) || (key0 === "parentTagId"))){
validate34.errors = [{instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties"}];
return false;
break;
}
}
}
validate34.errors = vErrors;
return errors === 0;
}
validate34.evaluated = {"props":true,"dynamicProps":false,"dynamicItems":false};

export const validateUpdateTagsRequestLimits = validate35;
const schema47 = {"$id":"limits:UpdateTagsRequest","properties":{"tags":{"maxItems":100,"items":{"properties":{"id":true,"tagName":true,"tagColor":true,"parentTagId":true},"additionalProperties":false}}},"additionalProperties":false};

function validate35(data, {instancePath="", parentData, parentDataProperty, rootData=data, dynamicAnchors={}}={}){
/*# sourceURL="limits:UpdateTagsRequest" */;
let vErrors = null;
let errors = 0;
const evaluated0 = validate35.evaluated;
if(evaluated0.dynamicProps){
evaluated0.props = undefined;
}
if(evaluated0.dynamicItems){
evaluated0.items = undefined;
}
if(data && typeof data == "object" && !Array.isArray(data)){
const _errs0 = errors;
for(const key0 in data){
if(!(key0 === "tags")){
validate35.errors = [{instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties"}];
return false;
break;
}
}
if(_errs0 === errors){
if(data.tags !== undefined){
let data0 = data.tags;
if(Array.isArray(data0)){
if(data0.length > 100){
validate35.errors = [{instancePath:instancePath+"/tags",schemaPath:"#/properties/tags/maxItems",keyword:"maxItems",params:{limit: 100},message:"must NOT have more than 100 items"}];
return false;
}
else {
var valid1 = true;
const len0 = data0.length;
for(let i0=0; i0<len0; i0++){
let data1 = data0[i0];
const _errs2 = errors;
if(data1 && typeof data1 == "object" && !Array.isArray(data1)){
for(const key1 in data1){
if(!((((key1 === "id") || (key1 === "tagName")) || (key1 === "tagColor")) || (key1 === "parentTagId"))){
validate35.errors = [{instancePath:instancePath+"/tags/" + i0,schemaPath:"#/properties/tags/items/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key1},message:"must NOT have additional properties"}];
return false;
break;
}
}
}
var valid1 = _errs2 === errors;
if(!valid1){
break;
}
}
}
}
}
}
}
validate35.errors = vErrors;
return errors === 0;
}
validate35.evaluated = {"props":true,"dynamicProps":false,"dynamicItems":false};

export const validateCreateTagsRequestLimits = validate36;
const schema48 = {"$id":"limits:CreateTagsRequest","properties":{"tags":{"maxItems":100,"items":{"$ref":"limits:CreateTagRequest"}}},"additionalProperties":false};

function validate36(data, {instancePath="", parentData, parentDataProperty, rootData=data, dynamicAnchors={}}={}){
/*# sourceURL="limits:CreateTagsRequest" */;
let vErrors = null;
let errors = 0;
const evaluated0 = validate36.evaluated;
if(evaluated0.dynamicProps){
evaluated0.props = undefined;
}
if(evaluated0.dynamicItems){
evaluated0.items = undefined;
}
if(data && typeof data == "object" && !Array.isArray(data)){
const _errs0 = errors;
for(const key0 in data){
if(!(key0 === "tags")){
validate36.errors = [{instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties"}];
return false;
break;
}
}
if(_errs0 === errors){
if(data.tags !== undefined){
let data0 = data.tags;
if(Array.isArray(data0)){
if(data0.length > 100){
validate36.errors = [{instancePath:instancePath+"/tags",schemaPath:"#/properties/tags/maxItems",keyword:"maxItems",params:{limit: 100},message:"must NOT have more than 100 items"}];
return false;
}
else {
var valid1 = true;
const len0 = data0.length;
for(let i0=0; i0<len0; i0++){
let data1 = data0[i0];
const _errs2 = errors;
if(data1 && typeof data1 == "object" && !Array.isArray(data1)){
for(const key1 in data1){
if(!((((key1 === "tagName") || (key1 === "tagColor")) || (key1 === "teamId")) || (key1 === "parentTagId"))){
validate36.errors = [{instancePath:instancePath+"/tags/" + i0,schemaPath:"limits:CreateTagRequest/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key1},message:"must NOT have additional properties"}];
return false;
break;
}
}
}
var valid1 = _errs2 === errors;
if(!valid1){
break;
}
}
}
}
}
}
}
validate36.errors = vErrors;
return errors === 0;
}
validate36.evaluated = {"props":true,"dynamicProps":false,"dynamicItems":false};

export const validateGetHealthParametersLimits = validate37;
const schema50 = {"$id":"limits:getHealth/parameters","properties":{"query":{"additionalProperties":false}}};

function validate37(data, {instancePath="", parentData, parentDataProperty, rootData=data, dynamicAnchors={}}={}){
/*# sourceURL="limits:getHealth/parameters" */;
let vErrors = null;
let errors = 0;
const evaluated0 = validate37.evaluated;
if(evaluated0.dynamicProps){
evaluated0.props = undefined;
}
if(evaluated0.dynamicItems){
evaluated0.items = undefined;
}
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.query !== undefined){
let data0 = data.query;
if(data0 && typeof data0 == "object" && !Array.isArray(data0)){
for(const key0 in data0){
validate37.errors = [{instancePath:instancePath+"/query",schemaPath:"#/properties/query/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties"}];
return false;
break;
}
}
}
}
validate37.errors = vErrors;
return errors === 0;
}
validate37.evaluated = {"props":{"query":true},"dynamicProps":false,"dynamicItems":false};

export const validateGetSnippetParametersLimits = validate38;
const schema51 = {"$id":"limits:getSnippet/parameters","properties":{"query":{"properties":{"id":true},"additionalProperties":false}}};

function validate38(data, {instancePath="", parentData, parentDataProperty, rootData=data, dynamicAnchors={}}={}){
/*# sourceURL="limits:getSnippet/parameters" */;
let vErrors = null;
let errors = 0;
const evaluated0 = validate38.evaluated;
if(evaluated0.dynamicProps){
evaluated0.props = undefined;
}
if(evaluated0.dynamicItems){
evaluated0.items = undefined;
}
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.query !== undefined){
let data0 = data.query;
if(data0 && typeof data0 == "object" && !Array.isArray(data0)){
for(const key0 in data0){
if(!(key0 === "id")){
validate38.errors = [{instancePath:instancePath+"/query",schemaPath:"#/properties/query/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties"}];
return false;
break;
}
}
}
}
}
validate38.errors = vErrors;
return errors === 0;
}
validate38.evaluated = {"props":{"query":true},"dynamicProps":false,"dynamicItems":false};

export const validateUpdateSnippetParametersLimits = validate39;
const schema52 = {"$id":"limits:updateSnippet/parameters","properties":{"query":{"properties":{"id":true},"additionalProperties":false}}};

function validate39(data, {instancePath="", parentData, parentDataProperty, rootData=data, dynamicAnchors={}}={}){
/*# sourceURL="limits:updateSnippet/parameters" */;
let vErrors = null;
let errors = 0;
const evaluated0 = validate39.evaluated;
if(evaluated0.dynamicProps){
evaluated0.props = undefined;
}
if(evaluated0.dynamicItems){
evaluated0.items = undefined;
}
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.query !== undefined){
let data0 = data.query;
if(data0 && typeof data0 == "object" && !Array.isArray(data0)){
for(const key0 in data0){
if(!(key0 === "id")){
validate39.errors = [{instancePath:instancePath+"/query",schemaPath:"#/properties/query/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties"}];
return false;
break;
}
}
}
}
}
validate39.errors = vErrors;
return errors === 0;
}
validate39.evaluated = {"props":{"query":true},"dynamicProps":false,"dynamicItems":false};

export const validateCreateSnippetParametersLimits = validate40;
const schema53 = {"$id":"limits:createSnippet/parameters","properties":{"query":{"additionalProperties":false}}};

function validate40(data, {instancePath="", parentData, parentDataProperty, rootData=data, dynamicAnchors={}}={}){
/*# sourceURL="limits:createSnippet/parameters" */;
let vErrors = null;
let errors = 0;
const evaluated0 = validate40.evaluated;
if(evaluated0.dynamicProps){
evaluated0.props = undefined;
}
if(evaluated0.dynamicItems){
evaluated0.items = undefined;
}
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.query !== undefined){
let data0 = data.query;
if(data0 && typeof data0 == "object" && !Array.isArray(data0)){
for(const key0 in data0){
validate40.errors = [{instancePath:instancePath+"/query",schemaPath:"#/properties/query/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties"}];
return false;
break;
}
}
}
}
validate40.errors = vErrors;
return errors === 0;
}
validate40.evaluated = {"props":{"query":true},"dynamicProps":false,"dynamicItems":false};

export const validateDeleteSnippetParametersLimits = validate41;
const schema54 = {"$id":"limits:deleteSnippet/parameters","properties":{"query":{"properties":{"id":true},"additionalProperties":false}}};

function validate41(data, {instancePath="", parentData, parentDataProperty, rootData=data, dynamicAnchors={}}={}){
/*# sourceURL="limits:deleteSnippet/parameters" */;
let vErrors = null;
let errors = 0;
const evaluated0 = validate41.evaluated;
if(evaluated0.dynamicProps){
evaluated0.props = undefined;
}
if(evaluated0.dynamicItems){
evaluated0.items = undefined;
}
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.query !== undefined){
let data0 = data.query;
if(data0 && typeof data0 == "object" && !Array.isArray(data0)){
for(const key0 in data0){
if(!(key0 === "id")){
validate41.errors = [{instancePath:instancePath+"/query",schemaPath:"#/properties/query/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties"}];
return false;
break;
}
}
}
}
}
validate41.errors = vErrors;
return errors === 0;
}
validate41.evaluated = {"props":{"query":true},"dynamicProps":false,"dynamicItems":false};

export const validateGetSnippetsParametersLimits = validate42;
const schema55 = {"$id":"limits:getSnippets/parameters","properties":{"query":{"properties":{"ids":{"maxItems":100},"cursor":true},"additionalProperties":false}}};

function validate42(data, {instancePath="", parentData, parentDataProperty, rootData=data, dynamicAnchors={}}={}){
/*# sourceURL="limits:getSnippets/parameters" */;
let vErrors = null;
let errors = 0;
const evaluated0 = validate42.evaluated;
if(evaluated0.dynamicProps){
evaluated0.props = undefined;
}
if(evaluated0.dynamicItems){
evaluated0.items = undefined;
}
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.query !== undefined){
let data0 = data.query;
if(data0 && typeof data0 == "object" && !Array.isArray(data0)){
const _errs1 = errors;
for(const key0 in data0){
if(!((key0 === "ids") || (key0 === "cursor"))){
validate42.errors = [{instancePath:instancePath+"/query",schemaPath:"#/properties/query/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties"}];
return false;
break;
}
}
if(_errs1 === errors){
if(data0.ids !== undefined){
let data1 = data0.ids;
if(Array.isArray(data1)){
if(data1.length > 100){
validate42.errors = [{instancePath:instancePath+"/query/ids",schemaPath:"#/properties/query/properties/ids/maxItems",keyword:"maxItems",params:{limit: 100},message:"must NOT have more than 100 items"}];
return false;
}
}
}
}
}
}
}
validate42.errors = vErrors;
return errors === 0;
}
validate42.evaluated = {"props":{"query":true},"dynamicProps":false,"dynamicItems":false};

export const validateCreateSnippetsParametersLimits = validate43;
const schema56 = {"$id":"limits:createSnippets/parameters","properties":{"query":{"additionalProperties":false}}};

function validate43(data, {instancePath="", parentData, parentDataProperty, rootData=data, dynamicAnchors={}}={}){
/*# sourceURL="limits:createSnippets/parameters" */;
let vErrors = null;
let errors = 0;
const evaluated0 = validate43.evaluated;
if(evaluated0.dynamicProps){
evaluated0.props = undefined;
}
if(evaluated0.dynamicItems){
evaluated0.items = undefined;
}
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.query !== undefined){
let data0 = data.query;
if(data0 && typeof data0 == "object" && !Array.isArray(data0)){
for(const key0 in data0){
validate43.errors = [{instancePath:instancePath+"/query",schemaPath:"#/properties/query/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties"}];
return false;
break;
}
}
}
}
validate43.errors = vErrors;
return errors === 0;
}
validate43.evaluated = {"props":{"query":true},"dynamicProps":false,"dynamicItems":false};

export const validateDeleteSnippetsParametersLimits = validate44;
const schema57 = {"$id":"limits:deleteSnippets/parameters","properties":{"query":{"properties":{"ids":{"maxItems":100}},"additionalProperties":false}}};

function validate44(data, {instancePath="", parentData, parentDataProperty, rootData=data, dynamicAnchors={}}={}){
/*# sourceURL="limits:deleteSnippets/parameters" */;
let vErrors = null;
let errors = 0;
const evaluated0 = validate44.evaluated;
if(evaluated0.dynamicProps){
evaluated0.props = undefined;
}
if(evaluated0.dynamicItems){
evaluated0.items = undefined;
}
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.query !== undefined){
let data0 = data.query;
if(data0 && typeof data0 == "object" && !Array.isArray(data0)){
const _errs1 = errors;
for(const key0 in data0){
if(!(key0 === "ids")){
validate44.errors = [{instancePath:instancePath+"/query",schemaPath:"#/properties/query/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties"}];
return false;
break;
}
}
if(_errs1 === errors){
if(data0.ids !== undefined){
let data1 = data0.ids;
if(Array.isArray(data1)){
if(data1.length > 100){
validate44.errors = [{instancePath:instancePath+"/query/ids",schemaPath:"#/properties/query/properties/ids/maxItems",keyword:"maxItems",params:{limit: 100},message:"must NOT have more than 100 items"}];
return false;
}
}
}
}
}
}
}
validate44.errors = vErrors;
return errors === 0;
}
validate44.evaluated = {"props":{"query":true},"dynamicProps":false,"dynamicItems":false};

export const validateGetVariationParametersLimits = validate45;
const schema58 = {"$id":"limits:getVariation/parameters","properties":{"query":{"properties":{"snippetId":true,"variationId":true},"additionalProperties":false}}};

function validate45(data, {instancePath="", parentData, parentDataProperty, rootData=data, dynamicAnchors={}}={}){
/*# sourceURL="limits:getVariation/parameters" */;
let vErrors = null;
let errors = 0;
const evaluated0 = validate45.evaluated;
if(evaluated0.dynamicProps){
evaluated0.props = undefined;
}
if(evaluated0.dynamicItems){
evaluated0.items = undefined;
}
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.query !== undefined){
let data0 = data.query;
if(data0 && typeof data0 == "object" && !Array.isArray(data0)){
for(const key0 in data0){
if(!((key0 === "snippetId") || (key0 === "variationId"))){
validate45.errors = [{instancePath:instancePath+"/query",schemaPath:"#/properties/query/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties"}];
return false;
break;
}
}
}
}
}
validate45.errors = vErrors;
return errors === 0;
}
validate45.evaluated = {"props":{"query":true},"dynamicProps":false,"dynamicItems":false};

export const validateUpdateVariationParametersLimits = validate46;
const schema59 = {"$id":"limits:updateVariation/parameters","properties":{"query":{"properties":{"variationId":true},"additionalProperties":false}}};

function validate46(data, {instancePath="", parentData, parentDataProperty, rootData=data, dynamicAnchors={}}={}){
/*# sourceURL="limits:updateVariation/parameters" */;
let vErrors = null;
let errors = 0;
const evaluated0 = validate46.evaluated;
if(evaluated0.dynamicProps){
evaluated0.props = undefined;
}
if(evaluated0.dynamicItems){
evaluated0.items = undefined;
}
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.query !== undefined){
let data0 = data.query;
if(data0 && typeof data0 == "object" && !Array.isArray(data0)){
for(const key0 in data0){
if(!(key0 === "variationId")){
validate46.errors = [{instancePath:instancePath+"/query",schemaPath:"#/properties/query/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties"}];
return false;
break;
}
}
}
}
}
validate46.errors = vErrors;
return errors === 0;
}
validate46.evaluated = {"props":{"query":true},"dynamicProps":false,"dynamicItems":false};

export const validateCreateVariationParametersLimits = validate47;
const schema60 = {"$id":"limits:createVariation/parameters","properties":{"query":{"properties":{"snippetId":true},"additionalProperties":false}}};

function validate47(data, {instancePath="", parentData, parentDataProperty, rootData=data, dynamicAnchors={}}={}){
/*# sourceURL="limits:createVariation/parameters" */;
let vErrors = null;
let errors = 0;
const evaluated0 = validate47.evaluated;
if(evaluated0.dynamicProps){
evaluated0.props = undefined;
}
if(evaluated0.dynamicItems){
evaluated0.items = undefined;
}
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.query !== undefined){
let data0 = data.query;
if(data0 && typeof data0 == "object" && !Array.isArray(data0)){
for(const key0 in data0){
if(!(key0 === "snippetId")){
validate47.errors = [{instancePath:instancePath+"/query",schemaPath:"#/properties/query/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties"}];
return false;
break;
}
}
}
}
}
validate47.errors = vErrors;
return errors === 0;
}
validate47.evaluated = {"props":{"query":true},"dynamicProps":false,"dynamicItems":false};

export const validateDeleteVariationsParametersLimits = validate48;
const schema61 = {"$id":"limits:deleteVariations/parameters","properties":{"query":{"properties":{"snippetId":true,"variationIds":{"maxItems":100}},"additionalProperties":false}}};

function validate48(data, {instancePath="", parentData, parentDataProperty, rootData=data, dynamicAnchors={}}={}){
/*# sourceURL="limits:deleteVariations/parameters" */;
let vErrors = null;
let errors = 0;
const evaluated0 = validate48.evaluated;
if(evaluated0.dynamicProps){
evaluated0.props = undefined;
}
if(evaluated0.dynamicItems){
evaluated0.items = undefined;
}
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.query !== undefined){
let data0 = data.query;
if(data0 && typeof data0 == "object" && !Array.isArray(data0)){
const _errs1 = errors;
for(const key0 in data0){
if(!((key0 === "snippetId") || (key0 === "variationIds"))){
validate48.errors = [{instancePath:instancePath+"/query",schemaPath:"#/properties/query/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties"}];
return false;
break;
}
}
if(_errs1 === errors){
if(data0.variationIds !== undefined){
let data1 = data0.variationIds;
if(Array.isArray(data1)){
if(data1.length > 100){
validate48.errors = [{instancePath:instancePath+"/query/variationIds",schemaPath:"#/properties/query/properties/variationIds/maxItems",keyword:"maxItems",params:{limit: 100},message:"must NOT have more than 100 items"}];
return false;
}
}
}
}
}
}
}
validate48.errors = vErrors;
return errors === 0;
}
validate48.evaluated = {"props":{"query":true},"dynamicProps":false,"dynamicItems":false};

export const validateGetVariationHistoryParametersLimits = validate49;
const schema62 = {"$id":"limits:getVariationHistory/parameters","properties":{"query":{"properties":{"variationId":true,"limit":true,"cursor":true,"fromDate":true,"toDate":true},"additionalProperties":false}}};

function validate49(data, {instancePath="", parentData, parentDataProperty, rootData=data, dynamicAnchors={}}={}){
/*# sourceURL="limits:getVariationHistory/parameters" */;
let vErrors = null;
let errors = 0;
const evaluated0 = validate49.evaluated;
if(evaluated0.dynamicProps){
evaluated0.props = undefined;
}
if(evaluated0.dynamicItems){
evaluated0.items = undefined;
}
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.query !== undefined){
let data0 = data.query;
if(data0 && typeof data0 == "object" && !Array.isArray(data0)){
for(const key0 in data0){
if(!(((((key0 === "variationId") || (key0 === "limit")) || (key0 === "cursor")) || (key0 === "fromDate")) || (key0 === "toDate"))){
validate49.errors = [{instancePath:instancePath+"/query",schemaPath:"#/properties/query/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties"}];
return false;
break;
}
}
}
}
}
validate49.errors = vErrors;
return errors === 0;
}
validate49.evaluated = {"props":{"query":true},"dynamicProps":false,"dynamicItems":false};

export const validateGetFolderParametersLimits = validate50;
const schema63 = {"$id":"limits:getFolder/parameters","properties":{"query":{"properties":{"id":true,"limit":true,"cursor":true},"additionalProperties":false}}};

function validate50(data, {instancePath="", parentData, parentDataProperty, rootData=data, dynamicAnchors={}}={}){
/*# sourceURL="limits:getFolder/parameters" */;
let vErrors = null;
let errors = 0;
const evaluated0 = validate50.evaluated;
if(evaluated0.dynamicProps){
evaluated0.props = undefined;
}
if(evaluated0.dynamicItems){
evaluated0.items = undefined;
}
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.query !== undefined){
let data0 = data.query;
if(data0 && typeof data0 == "object" && !Array.isArray(data0)){
for(const key0 in data0){
if(!(((key0 === "id") || (key0 === "limit")) || (key0 === "cursor"))){
validate50.errors = [{instancePath:instancePath+"/query",schemaPath:"#/properties/query/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties"}];
return false;
break;
}
}
}
}
}
validate50.errors = vErrors;
return errors === 0;
}
validate50.evaluated = {"props":{"query":true},"dynamicProps":false,"dynamicItems":false};

export const validateUpdateFolderParametersLimits = validate51;
const schema64 = {"$id":"limits:updateFolder/parameters","properties":{"query":{"properties":{"id":true},"additionalProperties":false}}};

function validate51(data, {instancePath="", parentData, parentDataProperty, rootData=data, dynamicAnchors={}}={}){
/*# sourceURL="limits:updateFolder/parameters" */;
let vErrors = null;
let errors = 0;
const evaluated0 = validate51.evaluated;
if(evaluated0.dynamicProps){
evaluated0.props = undefined;
}
if(evaluated0.dynamicItems){
evaluated0.items = undefined;
}
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.query !== undefined){
let data0 = data.query;
if(data0 && typeof data0 == "object" && !Array.isArray(data0)){
for(const key0 in data0){
if(!(key0 === "id")){
validate51.errors = [{instancePath:instancePath+"/query",schemaPath:"#/properties/query/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties"}];
return false;
break;
}
}
}
}
}
validate51.errors = vErrors;
return errors === 0;
}
validate51.evaluated = {"props":{"query":true},"dynamicProps":false,"dynamicItems":false};

export const validateCreateFolderParametersLimits = validate52;
const schema65 = {"$id":"limits:createFolder/parameters","properties":{"query":{"additionalProperties":false}}};

function validate52(data, {instancePath="", parentData, parentDataProperty, rootData=data, dynamicAnchors={}}={}){
/*# sourceURL="limits:createFolder/parameters" */;
let vErrors = null;
let errors = 0;
const evaluated0 = validate52.evaluated;
if(evaluated0.dynamicProps){
evaluated0.props = undefined;
}
if(evaluated0.dynamicItems){
evaluated0.items = undefined;
}
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.query !== undefined){
let data0 = data.query;
if(data0 && typeof data0 == "object" && !Array.isArray(data0)){
for(const key0 in data0){
validate52.errors = [{instancePath:instancePath+"/query",schemaPath:"#/properties/query/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties"}];
return false;
break;
}
}
}
}
validate52.errors = vErrors;
return errors === 0;
}
validate52.evaluated = {"props":{"query":true},"dynamicProps":false,"dynamicItems":false};

export const validateDeleteFolderParametersLimits = validate53;
const schema66 = {"$id":"limits:deleteFolder/parameters","properties":{"query":{"properties":{"id":true},"additionalProperties":false}}};

function validate53(data, {instancePath="", parentData, parentDataProperty, rootData=data, dynamicAnchors={}}={}){
/*# sourceURL="limits:deleteFolder/parameters" */;
let vErrors = null;
let errors = 0;
const evaluated0 = validate53.evaluated;
if(evaluated0.dynamicProps){
evaluated0.props = undefined;
}
if(evaluated0.dynamicItems){
evaluated0.items = undefined;
}
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.query !== undefined){
let data0 = data.query;
if(data0 && typeof data0 == "object" && !Array.isArray(data0)){
for(const key0 in data0){
if(!(key0 === "id")){
validate53.errors = [{instancePath:instancePath+"/query",schemaPath:"#/properties/query/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties"}];
return false;
break;
}
}
}
}
}
validate53.errors = vErrors;
return errors === 0;
}
validate53.evaluated = {"props":{"query":true},"dynamicProps":false,"dynamicItems":false};

export const validateGetFoldersParametersLimits = validate54;
const schema67 = {"$id":"limits:getFolders/parameters","properties":{"query":{"properties":{"teamId":true,"limit":true,"cursor":true},"additionalProperties":false}}};

function validate54(data, {instancePath="", parentData, parentDataProperty, rootData=data, dynamicAnchors={}}={}){
/*# sourceURL="limits:getFolders/parameters" */;
let vErrors = null;
let errors = 0;
const evaluated0 = validate54.evaluated;
if(evaluated0.dynamicProps){
evaluated0.props = undefined;
}
if(evaluated0.dynamicItems){
evaluated0.items = undefined;
}
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.query !== undefined){
let data0 = data.query;
if(data0 && typeof data0 == "object" && !Array.isArray(data0)){
for(const key0 in data0){
if(!(((key0 === "teamId") || (key0 === "limit")) || (key0 === "cursor"))){
validate54.errors = [{instancePath:instancePath+"/query",schemaPath:"#/properties/query/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties"}];
return false;
break;
}
}
}
}
}
validate54.errors = vErrors;
return errors === 0;
}
validate54.evaluated = {"props":{"query":true},"dynamicProps":false,"dynamicItems":false};

export const validateUpdateFoldersParametersLimits = validate55;
const schema68 = {"$id":"limits:updateFolders/parameters","properties":{"query":{"additionalProperties":false}}};

function validate55(data, {instancePath="", parentData, parentDataProperty, rootData=data, dynamicAnchors={}}={}){
/*# sourceURL="limits:updateFolders/parameters" */;
let vErrors = null;
let errors = 0;
const evaluated0 = validate55.evaluated;
if(evaluated0.dynamicProps){
evaluated0.props = undefined;
}
if(evaluated0.dynamicItems){
evaluated0.items = undefined;
}
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.query !== undefined){
let data0 = data.query;
if(data0 && typeof data0 == "object" && !Array.isArray(data0)){
for(const key0 in data0){
validate55.errors = [{instancePath:instancePath+"/query",schemaPath:"#/properties/query/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties"}];
return false;
break;
}
}
}
}
validate55.errors = vErrors;
return errors === 0;
}
validate55.evaluated = {"props":{"query":true},"dynamicProps":false,"dynamicItems":false};

export const validateCreateFoldersParametersLimits = validate56;
const schema69 = {"$id":"limits:createFolders/parameters","properties":{"query":{"additionalProperties":false}}};

function validate56(data, {instancePath="", parentData, parentDataProperty, rootData=data, dynamicAnchors={}}={}){
/*# sourceURL="limits:createFolders/parameters" */;
let vErrors = null;
let errors = 0;
const evaluated0 = validate56.evaluated;
if(evaluated0.dynamicProps){
evaluated0.props = undefined;
}
if(evaluated0.dynamicItems){
evaluated0.items = undefined;
}
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.query !== undefined){
let data0 = data.query;
if(data0 && typeof data0 == "object" && !Array.isArray(data0)){
for(const key0 in data0){
validate56.errors = [{instancePath:instancePath+"/query",schemaPath:"#/properties/query/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties"}];
return false;
break;
}
}
}
}
validate56.errors = vErrors;
return errors === 0;
}
validate56.evaluated = {"props":{"query":true},"dynamicProps":false,"dynamicItems":false};

export const validateDeleteFoldersParametersLimits = validate57;
const schema70 = {"$id":"limits:deleteFolders/parameters","properties":{"query":{"properties":{"ids":{"maxItems":100}},"additionalProperties":false}}};

function validate57(data, {instancePath="", parentData, parentDataProperty, rootData=data, dynamicAnchors={}}={}){
/*# sourceURL="limits:deleteFolders/parameters" */;
let vErrors = null;
let errors = 0;
const evaluated0 = validate57.evaluated;
if(evaluated0.dynamicProps){
evaluated0.props = undefined;
}
if(evaluated0.dynamicItems){
evaluated0.items = undefined;
}
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.query !== undefined){
let data0 = data.query;
if(data0 && typeof data0 == "object" && !Array.isArray(data0)){
const _errs1 = errors;
for(const key0 in data0){
if(!(key0 === "ids")){
validate57.errors = [{instancePath:instancePath+"/query",schemaPath:"#/properties/query/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties"}];
return false;
break;
}
}
if(_errs1 === errors){
if(data0.ids !== undefined){
let data1 = data0.ids;
if(Array.isArray(data1)){
if(data1.length > 100){
validate57.errors = [{instancePath:instancePath+"/query/ids",schemaPath:"#/properties/query/properties/ids/maxItems",keyword:"maxItems",params:{limit: 100},message:"must NOT have more than 100 items"}];
return false;
}
}
}
}
}
}
}
validate57.errors = vErrors;
return errors === 0;
}
validate57.evaluated = {"props":{"query":true},"dynamicProps":false,"dynamicItems":false};

export const validateGetTagParametersLimits = validate58;
const schema71 = {"$id":"limits:getTag/parameters","properties":{"query":{"properties":{"id":true,"limit":true,"cursor":true},"additionalProperties":false}}};

function validate58(data, {instancePath="", parentData, parentDataProperty, rootData=data, dynamicAnchors={}}={}){
/*# sourceURL="limits:getTag/parameters" */;
let vErrors = null;
let errors = 0;
const evaluated0 = validate58.evaluated;
if(evaluated0.dynamicProps){
evaluated0.props = undefined;
}
if(evaluated0.dynamicItems){
evaluated0.items = undefined;
}
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.query !== undefined){
let data0 = data.query;
if(data0 && typeof data0 == "object" && !Array.isArray(data0)){
for(const key0 in data0){
if(!(((key0 === "id") || (key0 === "limit")) || (key0 === "cursor"))){
validate58.errors = [{instancePath:instancePath+"/query",schemaPath:"#/properties/query/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties"}];
return false;
break;
}
}
}
}
}
validate58.errors = vErrors;
return errors === 0;
}
validate58.evaluated = {"props":{"query":true},"dynamicProps":false,"dynamicItems":false};

export const validateUpdateTagParametersLimits = validate59;
const schema72 = {"$id":"limits:updateTag/parameters","properties":{"query":{"properties":{"id":true},"additionalProperties":false}}};

function validate59(data, {instancePath="", parentData, parentDataProperty, rootData=data, dynamicAnchors={}}={}){
/*# sourceURL="limits:updateTag/parameters" */;
let vErrors = null;
let errors = 0;
const evaluated0 = validate59.evaluated;
if(evaluated0.dynamicProps){
evaluated0.props = undefined;
}
if(evaluated0.dynamicItems){
evaluated0.items = undefined;
}
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.query !== undefined){
let data0 = data.query;
if(data0 && typeof data0 == "object" && !Array.isArray(data0)){
for(const key0 in data0){
if(!(key0 === "id")){
validate59.errors = [{instancePath:instancePath+"/query",schemaPath:"#/properties/query/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties"}];
return false;
break;
}
}
}
}
}
validate59.errors = vErrors;
return errors === 0;
}
validate59.evaluated = {"props":{"query":true},"dynamicProps":false,"dynamicItems":false};

export const validateCreateTagParametersLimits = validate60;
const schema73 = {"$id":"limits:createTag/parameters","properties":{"query":{"additionalProperties":false}}};

function validate60(data, {instancePath="", parentData, parentDataProperty, rootData=data, dynamicAnchors={}}={}){
/*# sourceURL="limits:createTag/parameters" */;
let vErrors = null;
let errors = 0;
const evaluated0 = validate60.evaluated;
if(evaluated0.dynamicProps){
evaluated0.props = undefined;
}
if(evaluated0.dynamicItems){
evaluated0.items = undefined;
}
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.query !== undefined){
let data0 = data.query;
if(data0 && typeof data0 == "object" && !Array.isArray(data0)){
for(const key0 in data0){
validate60.errors = [{instancePath:instancePath+"/query",schemaPath:"#/properties/query/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties"}];
return false;
break;
}
}
}
}
validate60.errors = vErrors;
return errors === 0;
}
validate60.evaluated = {"props":{"query":true},"dynamicProps":false,"dynamicItems":false};

export const validateDeleteTagParametersLimits = validate61;
const schema74 = {"$id":"limits:deleteTag/parameters","properties":{"query":{"properties":{"id":true},"additionalProperties":false}}};

function validate61(data, {instancePath="", parentData, parentDataProperty, rootData=data, dynamicAnchors={}}={}){
/*# sourceURL="limits:deleteTag/parameters" */;
let vErrors = null;
let errors = 0;
const evaluated0 = validate61.evaluated;
if(evaluated0.dynamicProps){
evaluated0.props = undefined;
}
if(evaluated0.dynamicItems){
evaluated0.items = undefined;
}
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.query !== undefined){
let data0 = data.query;
if(data0 && typeof data0 == "object" && !Array.isArray(data0)){
for(const key0 in data0){
if(!(key0 === "id")){
validate61.errors = [{instancePath:instancePath+"/query",schemaPath:"#/properties/query/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties"}];
return false;
break;
}
}
}
}
}
validate61.errors = vErrors;
return errors === 0;
}
validate61.evaluated = {"props":{"query":true},"dynamicProps":false,"dynamicItems":false};

export const validateGetTagsParametersLimits = validate62;
const schema75 = {"$id":"limits:getTags/parameters","properties":{"query":{"properties":{"teamId":true,"limit":true,"cursor":true},"additionalProperties":false}}};

function validate62(data, {instancePath="", parentData, parentDataProperty, rootData=data, dynamicAnchors={}}={}){
/*# sourceURL="limits:getTags/parameters" */;
let vErrors = null;
let errors = 0;
const evaluated0 = validate62.evaluated;
if(evaluated0.dynamicProps){
evaluated0.props = undefined;
}
if(evaluated0.dynamicItems){
evaluated0.items = undefined;
}
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.query !== undefined){
let data0 = data.query;
if(data0 && typeof data0 == "object" && !Array.isArray(data0)){
for(const key0 in data0){
if(!(((key0 === "teamId") || (key0 === "limit")) || (key0 === "cursor"))){
validate62.errors = [{instancePath:instancePath+"/query",schemaPath:"#/properties/query/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties"}];
return false;
break;
}
}
}
}
}
validate62.errors = vErrors;
return errors === 0;
}
validate62.evaluated = {"props":{"query":true},"dynamicProps":false,"dynamicItems":false};

export const validateUpdateTagsParametersLimits = validate63;
const schema76 = {"$id":"limits:updateTags/parameters","properties":{"query":{"additionalProperties":false}}};

function validate63(data, {instancePath="", parentData, parentDataProperty, rootData=data, dynamicAnchors={}}={}){
/*# sourceURL="limits:updateTags/parameters" */;
let vErrors = null;
let errors = 0;
const evaluated0 = validate63.evaluated;
if(evaluated0.dynamicProps){
evaluated0.props = undefined;
}
if(evaluated0.dynamicItems){
evaluated0.items = undefined;
}
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.query !== undefined){
let data0 = data.query;
if(data0 && typeof data0 == "object" && !Array.isArray(data0)){
for(const key0 in data0){
validate63.errors = [{instancePath:instancePath+"/query",schemaPath:"#/properties/query/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties"}];
return false;
break;
}
}
}
}
validate63.errors = vErrors;
return errors === 0;
}
validate63.evaluated = {"props":{"query":true},"dynamicProps":false,"dynamicItems":false};

export const validateCreateTagsParametersLimits = validate64;
const schema77 = {"$id":"limits:createTags/parameters","properties":{"query":{"additionalProperties":false}}};

function validate64(data, {instancePath="", parentData, parentDataProperty, rootData=data, dynamicAnchors={}}={}){
/*# sourceURL="limits:createTags/parameters" */;
let vErrors = null;
let errors = 0;
const evaluated0 = validate64.evaluated;
if(evaluated0.dynamicProps){
evaluated0.props = undefined;
}
if(evaluated0.dynamicItems){
evaluated0.items = undefined;
}
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.query !== undefined){
let data0 = data.query;
if(data0 && typeof data0 == "object" && !Array.isArray(data0)){
for(const key0 in data0){
validate64.errors = [{instancePath:instancePath+"/query",schemaPath:"#/properties/query/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties"}];
return false;
break;
}
}
}
}
validate64.errors = vErrors;
return errors === 0;
}
validate64.evaluated = {"props":{"query":true},"dynamicProps":false,"dynamicItems":false};

export const validateDeleteTagsParametersLimits = validate65;
const schema78 = {"$id":"limits:deleteTags/parameters","properties":{"query":{"properties":{"ids":{"maxItems":100}},"additionalProperties":false}}};

function validate65(data, {instancePath="", parentData, parentDataProperty, rootData=data, dynamicAnchors={}}={}){
/*# sourceURL="limits:deleteTags/parameters" */;
let vErrors = null;
let errors = 0;
const evaluated0 = validate65.evaluated;
if(evaluated0.dynamicProps){
evaluated0.props = undefined;
}
if(evaluated0.dynamicItems){
evaluated0.items = undefined;
}
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.query !== undefined){
let data0 = data.query;
if(data0 && typeof data0 == "object" && !Array.isArray(data0)){
const _errs1 = errors;
for(const key0 in data0){
if(!(key0 === "ids")){
validate65.errors = [{instancePath:instancePath+"/query",schemaPath:"#/properties/query/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties"}];
return false;
break;
}
}
if(_errs1 === errors){
if(data0.ids !== undefined){
let data1 = data0.ids;
if(Array.isArray(data1)){
if(data1.length > 100){
validate65.errors = [{instancePath:instancePath+"/query/ids",schemaPath:"#/properties/query/properties/ids/maxItems",keyword:"maxItems",params:{limit: 100},message:"must NOT have more than 100 items"}];
return false;
}
}
}
}
}
}
}
validate65.errors = vErrors;
return errors === 0;
}
validate65.evaluated = {"props":{"query":true},"dynamicProps":false,"dynamicItems":false};


/**
 * The limits of request bodies (maxItems, maxProperties, no unknown keys), by operationId, for the operations whose
 * body has any. Run one before the full validator (validators.js), which checks every item of an array however far
 * past its maxItems and reports every unknown key: a body it refuses is refused for its first broken limit alone.
 */
export const requestBodyLimitValidators = {
  updateSnippet: validateUpdateSnippetRequestLimits,
  createSnippet: validateCreateSnippetRequestLimits,
  createSnippets: validateCreateSnippetsRequestLimits,
  updateVariation: validateUpdateVariationRequestLimits,
  createVariation: validateCreateVariationRequestLimits,
  updateFolder: validateUpdateFolderRequestLimits,
  createFolder: validateCreateFolderRequestLimits,
  updateFolders: validateUpdateFoldersRequestLimits,
  createFolders: validateCreateFoldersRequestLimits,
  updateTag: validateUpdateTagRequestLimits,
  createTag: validateCreateTagRequestLimits,
  updateTags: validateUpdateTagsRequestLimits,
  createTags: validateCreateTagsRequestLimits,
};

/** The limits of parameters (`{ query, header }`, as for parameterValidators), by operationId, for the operations whose parameters have any. */
export const parameterLimitValidators = {
  getHealth: validateGetHealthParametersLimits,
  getSnippet: validateGetSnippetParametersLimits,
  updateSnippet: validateUpdateSnippetParametersLimits,
  createSnippet: validateCreateSnippetParametersLimits,
  deleteSnippet: validateDeleteSnippetParametersLimits,
  getSnippets: validateGetSnippetsParametersLimits,
  createSnippets: validateCreateSnippetsParametersLimits,
  deleteSnippets: validateDeleteSnippetsParametersLimits,
  getVariation: validateGetVariationParametersLimits,
  updateVariation: validateUpdateVariationParametersLimits,
  createVariation: validateCreateVariationParametersLimits,
  deleteVariations: validateDeleteVariationsParametersLimits,
  getVariationHistory: validateGetVariationHistoryParametersLimits,
  getFolder: validateGetFolderParametersLimits,
  updateFolder: validateUpdateFolderParametersLimits,
  createFolder: validateCreateFolderParametersLimits,
  deleteFolder: validateDeleteFolderParametersLimits,
  getFolders: validateGetFoldersParametersLimits,
  updateFolders: validateUpdateFoldersParametersLimits,
  createFolders: validateCreateFoldersParametersLimits,
  deleteFolders: validateDeleteFoldersParametersLimits,
  getTag: validateGetTagParametersLimits,
  updateTag: validateUpdateTagParametersLimits,
  createTag: validateCreateTagParametersLimits,
  deleteTag: validateDeleteTagParametersLimits,
  getTags: validateGetTagsParametersLimits,
  updateTags: validateUpdateTagsParametersLimits,
  createTags: validateCreateTagsParametersLimits,
  deleteTags: validateDeleteTagsParametersLimits,
};
