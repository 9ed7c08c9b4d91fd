// Generated from openapi.yaml by scripts/generate.ts (npm run generate). Do not edit.

function moduleExports(namespace) {
  return namespace.default && namespace.default.__esModule ? namespace.default : namespace;
}

export const validateUpdateSnippetRequestLimits = validate20;
const schema31 = {"$id":"limits:UpdateSnippetRequest","properties":{"tagIds":{"maxItems":50}}};

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
validate20.errors = vErrors;
return errors === 0;
}
validate20.evaluated = {"props":{"tagIds":true},"dynamicProps":false,"dynamicItems":false};

export const validateCreateSnippetRequestLimits = validate21;
const schema32 = {"$id":"limits:CreateSnippetRequest","properties":{"tagIds":{"maxItems":50},"additionalVariations":{"maxItems":20}}};

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
if(data.tagIds !== undefined){
let data0 = data.tagIds;
const _errs0 = errors;
if(Array.isArray(data0)){
if(data0.length > 50){
validate21.errors = [{instancePath:instancePath+"/tagIds",schemaPath:"#/properties/tagIds/maxItems",keyword:"maxItems",params:{limit: 50},message:"must NOT have more than 50 items"}];
return false;
}
}
var valid0 = _errs0 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.additionalVariations !== undefined){
let data1 = data.additionalVariations;
const _errs1 = errors;
if(Array.isArray(data1)){
if(data1.length > 20){
validate21.errors = [{instancePath:instancePath+"/additionalVariations",schemaPath:"#/properties/additionalVariations/maxItems",keyword:"maxItems",params:{limit: 20},message:"must NOT have more than 20 items"}];
return false;
}
}
var valid0 = _errs1 === errors;
}
else {
var valid0 = true;
}
}
}
validate21.errors = vErrors;
return errors === 0;
}
validate21.evaluated = {"props":{"tagIds":true,"additionalVariations":true},"dynamicProps":false,"dynamicItems":false};

export const validateCreateSnippetsRequestLimits = validate22;
const schema33 = {"$id":"limits:CreateSnippetsRequest","properties":{"snippets":{"maxItems":100,"items":{"$ref":"limits:CreateSnippetRequest"}}}};

function validate22(data, {instancePath="", parentData, parentDataProperty, rootData=data, dynamicAnchors={}}={}){
/*# sourceURL="limits:CreateSnippetsRequest" */;
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
if(data.snippets !== undefined){
let data0 = data.snippets;
if(Array.isArray(data0)){
if(data0.length > 100){
validate22.errors = [{instancePath:instancePath+"/snippets",schemaPath:"#/properties/snippets/maxItems",keyword:"maxItems",params:{limit: 100},message:"must NOT have more than 100 items"}];
return false;
}
else {
var valid1 = true;
const len0 = data0.length;
for(let i0=0; i0<len0; i0++){
let data1 = data0[i0];
const _errs1 = errors;
if(data1 && typeof data1 == "object" && !Array.isArray(data1)){
if(data1.tagIds !== undefined){
let data2 = data1.tagIds;
const _errs3 = errors;
if(Array.isArray(data2)){
if(data2.length > 50){
validate22.errors = [{instancePath:instancePath+"/snippets/" + i0+"/tagIds",schemaPath:"limits:CreateSnippetRequest/properties/tagIds/maxItems",keyword:"maxItems",params:{limit: 50},message:"must NOT have more than 50 items"}];
return false;
}
}
var valid3 = _errs3 === errors;
}
else {
var valid3 = true;
}
if(valid3){
if(data1.additionalVariations !== undefined){
let data3 = data1.additionalVariations;
const _errs4 = errors;
if(Array.isArray(data3)){
if(data3.length > 20){
validate22.errors = [{instancePath:instancePath+"/snippets/" + i0+"/additionalVariations",schemaPath:"limits:CreateSnippetRequest/properties/additionalVariations/maxItems",keyword:"maxItems",params:{limit: 20},message:"must NOT have more than 20 items"}];
return false;
}
}
var valid3 = _errs4 === errors;
}
else {
var valid3 = true;
}
}
}
var valid1 = _errs1 === errors;
if(!valid1){
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
validate22.evaluated = {"props":{"snippets":true},"dynamicProps":false,"dynamicItems":false};

export const validateUpdateFoldersRequestLimits = validate23;
const schema35 = {"$id":"limits:UpdateFoldersRequest","properties":{"folders":{"maxItems":100}}};

function validate23(data, {instancePath="", parentData, parentDataProperty, rootData=data, dynamicAnchors={}}={}){
/*# sourceURL="limits:UpdateFoldersRequest" */;
let vErrors = null;
let errors = 0;
const evaluated0 = validate23.evaluated;
if(evaluated0.dynamicProps){
evaluated0.props = undefined;
}
if(evaluated0.dynamicItems){
evaluated0.items = undefined;
}
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.folders !== undefined){
let data0 = data.folders;
if(Array.isArray(data0)){
if(data0.length > 100){
validate23.errors = [{instancePath:instancePath+"/folders",schemaPath:"#/properties/folders/maxItems",keyword:"maxItems",params:{limit: 100},message:"must NOT have more than 100 items"}];
return false;
}
}
}
}
validate23.errors = vErrors;
return errors === 0;
}
validate23.evaluated = {"props":{"folders":true},"dynamicProps":false,"dynamicItems":false};

export const validateCreateFoldersRequestLimits = validate24;
const schema36 = {"$id":"limits:CreateFoldersRequest","properties":{"folders":{"maxItems":100}}};

function validate24(data, {instancePath="", parentData, parentDataProperty, rootData=data, dynamicAnchors={}}={}){
/*# sourceURL="limits:CreateFoldersRequest" */;
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
if(data.folders !== undefined){
let data0 = data.folders;
if(Array.isArray(data0)){
if(data0.length > 100){
validate24.errors = [{instancePath:instancePath+"/folders",schemaPath:"#/properties/folders/maxItems",keyword:"maxItems",params:{limit: 100},message:"must NOT have more than 100 items"}];
return false;
}
}
}
}
validate24.errors = vErrors;
return errors === 0;
}
validate24.evaluated = {"props":{"folders":true},"dynamicProps":false,"dynamicItems":false};

export const validateUpdateTagsRequestLimits = validate25;
const schema37 = {"$id":"limits:UpdateTagsRequest","properties":{"tags":{"maxItems":100}}};

function validate25(data, {instancePath="", parentData, parentDataProperty, rootData=data, dynamicAnchors={}}={}){
/*# sourceURL="limits:UpdateTagsRequest" */;
let vErrors = null;
let errors = 0;
const evaluated0 = validate25.evaluated;
if(evaluated0.dynamicProps){
evaluated0.props = undefined;
}
if(evaluated0.dynamicItems){
evaluated0.items = undefined;
}
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.tags !== undefined){
let data0 = data.tags;
if(Array.isArray(data0)){
if(data0.length > 100){
validate25.errors = [{instancePath:instancePath+"/tags",schemaPath:"#/properties/tags/maxItems",keyword:"maxItems",params:{limit: 100},message:"must NOT have more than 100 items"}];
return false;
}
}
}
}
validate25.errors = vErrors;
return errors === 0;
}
validate25.evaluated = {"props":{"tags":true},"dynamicProps":false,"dynamicItems":false};

export const validateCreateTagsRequestLimits = validate26;
const schema38 = {"$id":"limits:CreateTagsRequest","properties":{"tags":{"maxItems":100}}};

function validate26(data, {instancePath="", parentData, parentDataProperty, rootData=data, dynamicAnchors={}}={}){
/*# sourceURL="limits:CreateTagsRequest" */;
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
if(data.tags !== undefined){
let data0 = data.tags;
if(Array.isArray(data0)){
if(data0.length > 100){
validate26.errors = [{instancePath:instancePath+"/tags",schemaPath:"#/properties/tags/maxItems",keyword:"maxItems",params:{limit: 100},message:"must NOT have more than 100 items"}];
return false;
}
}
}
}
validate26.errors = vErrors;
return errors === 0;
}
validate26.evaluated = {"props":{"tags":true},"dynamicProps":false,"dynamicItems":false};

export const validateGetSnippetsParametersLimits = validate27;
const schema39 = {"$id":"limits:getSnippets/parameters","properties":{"query":{"properties":{"ids":{"maxItems":100}}}}};

function validate27(data, {instancePath="", parentData, parentDataProperty, rootData=data, dynamicAnchors={}}={}){
/*# sourceURL="limits:getSnippets/parameters" */;
let vErrors = null;
let errors = 0;
const evaluated0 = validate27.evaluated;
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
if(data0.ids !== undefined){
let data1 = data0.ids;
if(Array.isArray(data1)){
if(data1.length > 100){
validate27.errors = [{instancePath:instancePath+"/query/ids",schemaPath:"#/properties/query/properties/ids/maxItems",keyword:"maxItems",params:{limit: 100},message:"must NOT have more than 100 items"}];
return false;
}
}
}
}
}
}
validate27.errors = vErrors;
return errors === 0;
}
validate27.evaluated = {"props":{"query":true},"dynamicProps":false,"dynamicItems":false};

export const validateDeleteSnippetsParametersLimits = validate28;
const schema40 = {"$id":"limits:deleteSnippets/parameters","properties":{"query":{"properties":{"ids":{"maxItems":100}}}}};

function validate28(data, {instancePath="", parentData, parentDataProperty, rootData=data, dynamicAnchors={}}={}){
/*# sourceURL="limits:deleteSnippets/parameters" */;
let vErrors = null;
let errors = 0;
const evaluated0 = validate28.evaluated;
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
if(data0.ids !== undefined){
let data1 = data0.ids;
if(Array.isArray(data1)){
if(data1.length > 100){
validate28.errors = [{instancePath:instancePath+"/query/ids",schemaPath:"#/properties/query/properties/ids/maxItems",keyword:"maxItems",params:{limit: 100},message:"must NOT have more than 100 items"}];
return false;
}
}
}
}
}
}
validate28.errors = vErrors;
return errors === 0;
}
validate28.evaluated = {"props":{"query":true},"dynamicProps":false,"dynamicItems":false};

export const validateDeleteVariationsParametersLimits = validate29;
const schema41 = {"$id":"limits:deleteVariations/parameters","properties":{"query":{"properties":{"variationIds":{"maxItems":100}}}}};

function validate29(data, {instancePath="", parentData, parentDataProperty, rootData=data, dynamicAnchors={}}={}){
/*# sourceURL="limits:deleteVariations/parameters" */;
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
if(data.query !== undefined){
let data0 = data.query;
if(data0 && typeof data0 == "object" && !Array.isArray(data0)){
if(data0.variationIds !== undefined){
let data1 = data0.variationIds;
if(Array.isArray(data1)){
if(data1.length > 100){
validate29.errors = [{instancePath:instancePath+"/query/variationIds",schemaPath:"#/properties/query/properties/variationIds/maxItems",keyword:"maxItems",params:{limit: 100},message:"must NOT have more than 100 items"}];
return false;
}
}
}
}
}
}
validate29.errors = vErrors;
return errors === 0;
}
validate29.evaluated = {"props":{"query":true},"dynamicProps":false,"dynamicItems":false};

export const validateDeleteFoldersParametersLimits = validate30;
const schema42 = {"$id":"limits:deleteFolders/parameters","properties":{"query":{"properties":{"ids":{"maxItems":100}}}}};

function validate30(data, {instancePath="", parentData, parentDataProperty, rootData=data, dynamicAnchors={}}={}){
/*# sourceURL="limits:deleteFolders/parameters" */;
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
if(data.query !== undefined){
let data0 = data.query;
if(data0 && typeof data0 == "object" && !Array.isArray(data0)){
if(data0.ids !== undefined){
let data1 = data0.ids;
if(Array.isArray(data1)){
if(data1.length > 100){
validate30.errors = [{instancePath:instancePath+"/query/ids",schemaPath:"#/properties/query/properties/ids/maxItems",keyword:"maxItems",params:{limit: 100},message:"must NOT have more than 100 items"}];
return false;
}
}
}
}
}
}
validate30.errors = vErrors;
return errors === 0;
}
validate30.evaluated = {"props":{"query":true},"dynamicProps":false,"dynamicItems":false};

export const validateDeleteTagsParametersLimits = validate31;
const schema43 = {"$id":"limits:deleteTags/parameters","properties":{"query":{"properties":{"ids":{"maxItems":100}}}}};

function validate31(data, {instancePath="", parentData, parentDataProperty, rootData=data, dynamicAnchors={}}={}){
/*# sourceURL="limits:deleteTags/parameters" */;
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
if(data.query !== undefined){
let data0 = data.query;
if(data0 && typeof data0 == "object" && !Array.isArray(data0)){
if(data0.ids !== undefined){
let data1 = data0.ids;
if(Array.isArray(data1)){
if(data1.length > 100){
validate31.errors = [{instancePath:instancePath+"/query/ids",schemaPath:"#/properties/query/properties/ids/maxItems",keyword:"maxItems",params:{limit: 100},message:"must NOT have more than 100 items"}];
return false;
}
}
}
}
}
}
validate31.errors = vErrors;
return errors === 0;
}
validate31.evaluated = {"props":{"query":true},"dynamicProps":false,"dynamicItems":false};


/**
 * The limits (maxItems, maxProperties) of request bodies, by operationId, for the operations whose body has any.
 * Run one before the full validator (validators.js), which checks every item of an array however far past its
 * maxItems: a body it refuses is refused for its first limit, and the full validator need not run.
 */
export const requestBodyLimitValidators = {
  updateSnippet: validateUpdateSnippetRequestLimits,
  createSnippet: validateCreateSnippetRequestLimits,
  createSnippets: validateCreateSnippetsRequestLimits,
  updateFolders: validateUpdateFoldersRequestLimits,
  createFolders: validateCreateFoldersRequestLimits,
  updateTags: validateUpdateTagsRequestLimits,
  createTags: validateCreateTagsRequestLimits,
};

/** The limits of parameters (`{ query, header }`, as for parameterValidators), by operationId, for the operations whose parameters have any. */
export const parameterLimitValidators = {
  getSnippets: validateGetSnippetsParametersLimits,
  deleteSnippets: validateDeleteSnippetsParametersLimits,
  deleteVariations: validateDeleteVariationsParametersLimits,
  deleteFolders: validateDeleteFoldersParametersLimits,
  deleteTags: validateDeleteTagsParametersLimits,
};
